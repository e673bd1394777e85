package im.magpie.client.store;

/** A machine identity for tests: pretend to be any machine. */
record FakeMachine(String machineId, String userName) implements MachineIdentity {}
