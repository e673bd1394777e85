package im.magpie.server.session;

/** A device's id: a UUID string the client generated once (or the server assigned on first login). */
public record DeviceId(String value) {}
