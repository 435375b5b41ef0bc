package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Where the gateway of a run with external agents listens: {@code bind} (the address, {@code
 * 127.0.0.1}: loopback only; another interface is an explicit choice) and {@code port} (0: any free
 * port, which the run prints). Used only when a group has {@code policy: external}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"bind", "port"})
public record GatewayConfig(String bind, Integer port) {
    public static final GatewayConfig DEFAULT = new GatewayConfig(null, null);

    public GatewayConfig {
        bind = Objects.requireNonNullElse(bind, "127.0.0.1");
        port = Objects.requireNonNullElse(port, 0);
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind must be an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within [0, 65535] (0: any free port), was " + port);
        }
    }
}
