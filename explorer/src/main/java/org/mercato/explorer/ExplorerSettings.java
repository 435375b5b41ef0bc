package org.mercato.explorer;

/**
 * Where the explorer listens: {@code bindHost} (an address or host name; {@link #LOOPBACK} unless
 * a user asks for more) and {@code port} (0: any free port).
 */
public record ExplorerSettings(String bindHost, int port) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8642;

    public ExplorerSettings {
        if (bindHost == null || bindHost.isBlank()) {
            bindHost = LOOPBACK;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
    }

    /** Loopback on {@code port}. */
    public static ExplorerSettings loopback(int port) {
        return new ExplorerSettings(LOOPBACK, port);
    }
}
