package im.magpie.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One mapping of the YAML tree: typed reads with defaults, and a check that no unknown key is left. */
final class ConfigSection {
    private final JsonNode node;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    ConfigSection(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    ConfigSection section(String key) throws ConfigException {
        JsonNode child = lookup(key);
        if (!child.isMissingNode() && !child.isNull() && !child.isObject()) {
            throw ConfigException.invalid(name(key), child, "a mapping");
        }
        return new ConfigSection(child.isObject() ? child : MissingNode.getInstance(), name(key) + ".");
    }

    String string(String key, String fallback) throws ConfigException {
        String value = optionalString(key);
        return value == null ? fallback : value;
    }

    @Nullable
    String optionalString(String key) throws ConfigException {
        JsonNode value = lookup(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw ConfigException.invalid(name(key), value, "a non-empty string");
        }
        return value.asText();
    }

    long number(String key, long fallback, long min, long max) throws ConfigException {
        JsonNode value = lookup(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw ConfigException.invalid(name(key), value.asText(), "an integer in [" + min + ", " + max + "]");
        }
        return value.asLong();
    }

    int port(String key, int fallback) throws ConfigException {
        return (int) number(key, fallback, 0, 65535);
    }

    /** Fails on the first key that was never read: typos must not pass silently. */
    void rejectUnknownKeys() throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!read.contains(key)) {
                throw new ConfigException("unknown configuration key '" + name(key) + "'");
            }
        }
    }

    String name(String key) {
        return prefix + key;
    }

    private JsonNode lookup(String key) {
        read.add(key);
        return node.path(key);
    }
}
