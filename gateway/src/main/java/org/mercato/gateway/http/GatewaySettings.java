package org.mercato.gateway.http;

import java.util.Objects;

/**
 * Where the gateway listens and how large a request may be. {@code bind} is the interface address
 * (loopback unless a scenario names another one on purpose); {@code port} 0 takes any free port.
 */
public record GatewaySettings(String bind, int port, int maxRequestBytes) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

    public GatewaySettings {
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("gateway bind address must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("gateway port must be 0 (any free) or 1-65535, not " + port);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException(
                    "gateway request limit must be at least 1024 bytes, not " + maxRequestBytes);
        }
    }

    /** Loopback, any free port, 1 MiB requests. */
    public static GatewaySettings defaults() {
        return new GatewaySettings(LOOPBACK, 0, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** These settings on {@code bind} and {@code port}, the request limit kept. */
    public GatewaySettings at(String bind, int port) {
        return new GatewaySettings(bind, port, maxRequestBytes);
    }
}
