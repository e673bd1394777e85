package im.magpie.testsupport;

/** A named person of the fixture organisation: account, display name, password and department. */
public record AcmePerson(String account, String displayName, String password, String department) {}
