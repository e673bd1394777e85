package im.magpie.server.config;

/** The configuration file cannot be read or breaks a rule; the message names the key, value and expectation. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException invalid(String key, Object value, String expected) {
        return new ConfigException(
                "invalid configuration key '" + key + "': value '" + value + "', expected " + expected);
    }
}
