package im.magpie.server.account;

import java.util.List;

/** One page of the directory in user id order; {@code nextAfter} is 0 on the last page. */
public record DirectoryPage(List<DirectoryEntry> entries, long nextAfter) {}
