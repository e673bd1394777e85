package im.magpie.desktop.notify;

/** The new-message sound; playing it never throws and never blocks (a machine without audio stays silent). */
@FunctionalInterface
public interface Sound {
    Sound SILENT = () -> {};

    void play();
}
