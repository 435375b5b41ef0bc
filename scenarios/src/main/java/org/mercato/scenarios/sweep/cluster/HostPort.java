package org.mercato.scenarios.sweep.cluster;

/** A {@code host:port} as {@code --bind} and {@code --join} take it; port 0 picks a free one. */
public record HostPort(String host, int port) {
    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("expected host:port, such as 127.0.0.1:2552; the host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("expected a port from 0 to 65535, was " + port);
        }
    }

    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, such as 127.0.0.1:2552, was '" + text + "'");
        }
        try {
            return new HostPort(
                    text.substring(0, colon).strip(),
                    Integer.parseInt(text.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port with a numeric port, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
