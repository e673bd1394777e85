package im.magpie.client.net;

/** Where discovery answers: {@code host} or {@code host:port} (default port 7080); IPv6 as {@code [::1]:7080}. */
public record ServerAddress(String host, int port) {
    public static final int DEFAULT_DISCOVERY_PORT = 7080;

    public ServerAddress {
        if (host.isBlank() || host.length() > 253) {
            throw new IllegalArgumentException("server host must be 1..253 characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1..65535");
        }
    }

    public static ServerAddress parse(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("unclosed [ in server address");
            }
            String host = s.substring(1, end);
            String rest = s.substring(end + 1);
            return new ServerAddress(host, rest.startsWith(":") ? port(rest.substring(1)) : DEFAULT_DISCOVERY_PORT);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new ServerAddress(s.substring(0, colon), port(s.substring(colon + 1)));
        }
        return new ServerAddress(s, DEFAULT_DISCOVERY_PORT);
    }

    private static int port(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server port is not a number", e);
        }
    }

    /** The host as it goes into a URI (IPv6 in brackets). */
    public String uriHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return uriHost() + ":" + port;
    }
}
