package im.magpie.desktop.chat;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * Puts a reused row's nodes in place touching only what changed. JavaFX styles a node again, matching every candidate
 * selector of the stylesheets against it and its ancestors, whenever it enters a parent, even the one it just left; a
 * node that stays where it is keeps its styles (docs/performance.md, "Round 7, scrolling").
 */
final class KeptNodes {
    private KeptNodes() {}

    /** Makes {@code children} hold exactly {@code wanted}, in order; nodes already in their place stay there. */
    static void place(ObservableList<Node> children, List<? extends Node> wanted) {
        for (int i = 0; i < wanted.size(); i++) {
            Node n = wanted.get(i);
            if (i < children.size() && children.get(i) == n) {
                continue;
            }
            int at = children.indexOf(n);
            if (at > i) {
                children.remove(at); // further down: out first, a parent holds a node once
            }
            if (i < children.size() && wanted.indexOf(children.get(i)) <= i) {
                children.set(i, n); // the node there is not wanted further on
            } else {
                children.add(i, n);
            }
        }
        if (children.size() > wanted.size()) {
            children.remove(wanted.size(), children.size());
        }
    }

    /** Adds or removes {@code styleClass} only when that changes it (a change styles the node again). */
    static void styleClass(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
