package im.magpie.testsupport;

import java.util.List;

/**
 * The fixture organisation every test talks about: Acme, with three departments and named people,
 * so that tests read like stories ("Alice in Sales sends Bob in R&D a file").
 */
public final class Acme {
    public static final String SALES = "Sales";
    public static final String RND = "R&D";
    public static final String ADMINISTRATION = "Administration";

    public static final AcmePerson ALICE = new AcmePerson("alice", "Alice 王", "alice-Secret-1", SALES);
    public static final AcmePerson BOB = new AcmePerson("bob", "Bob 李", "bob-Secret-2", RND);
    public static final AcmePerson CAROL = new AcmePerson("carol", "Carol 张", "carol-Secret-3", ADMINISTRATION);
    public static final AcmePerson DAVE = new AcmePerson("dave", "Dave 赵", "dave-Secret-4", RND);

    /** Everyone, in a stable order. */
    public static final List<AcmePerson> PEOPLE = List.of(ALICE, BOB, CAROL, DAVE);

    private Acme() {}
}
