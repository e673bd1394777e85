package im.magpie.server.account;

/** A person as the directory lists them: who they are and their signature (status line). */
public record DirectoryEntry(UserId id, String account, String displayName, String signature) {}
