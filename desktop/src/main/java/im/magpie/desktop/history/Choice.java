package im.magpie.desktop.history;

/** An entry of a filter list: a conversation or a person; id 0 stands for "any". */
public record Choice(long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
