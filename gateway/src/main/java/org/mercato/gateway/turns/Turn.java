package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One observation handed to an outside agent, answered by a list of actions. {@code number} counts
 * the agent's turns from 0; {@code time} is the observation's virtual time in microseconds; {@code
 * observations} are in the wire format ({@link org.mercato.gateway.wire.WireCodec}).
 */
public record Turn(String agent, long number, long time, List<JsonNode> observations) {
    public Turn {
        Objects.requireNonNull(agent, "agent");
        observations = List.copyOf(observations);
    }
}
