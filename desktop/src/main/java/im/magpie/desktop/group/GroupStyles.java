package im.magpie.desktop.group;

import java.util.Objects;

/** The stylesheet of the group screens ({@code group.css}), added to their roots; it uses AtlantaFX's colours. */
final class GroupStyles {
    private GroupStyles() {}

    static String url() {
        return Objects.requireNonNull(GroupStyles.class.getResource("group.css"), "group.css")
                .toExternalForm();
    }
}
