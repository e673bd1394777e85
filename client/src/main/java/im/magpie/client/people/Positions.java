package im.magpie.client.people;

/** A walk over positions in the index's name order, ascending, each once. */
interface Positions {
    /** After the last position. */
    int END = Integer.MAX_VALUE;

    /** The next position, or {@link #END}. */
    int next();
}
