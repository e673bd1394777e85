package im.magpie.desktop.history;

/** A piece of a result's text; {@code match} when it is what the search found (shown highlighted). */
public record Fragment(String text, boolean match) {}
