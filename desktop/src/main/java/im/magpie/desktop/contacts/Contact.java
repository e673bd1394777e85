package im.magpie.desktop.contacts;

/** A person as the contacts section shows them. */
public record Contact(long userId, String account, String displayName, String signature) {}
