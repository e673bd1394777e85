/**
 * Groups (G1–G3, U6): the member picker for "new group" and "add members" ({@link
 * im.magpie.desktop.group.MemberPicker}), the group info panel beside a group chat ({@link
 * im.magpie.desktop.group.GroupInfoView}) and the hover card of a person ({@link im.magpie.desktop.group.PersonCard}),
 * all over {@link im.magpie.desktop.group.GroupPort}.
 */
@NullMarked
package im.magpie.desktop.group;

import org.jspecify.annotations.NullMarked;
