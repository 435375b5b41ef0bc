package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One recorded turn of an outside agent: its number, the SHA-256 (hex) of the canonical JSON of the
 * observations it saw, and the actions it answered with (the wire format, as sent).
 */
public record RecordedTurn(long turn, String observations, List<JsonNode> actions) {
    public RecordedTurn {
        Objects.requireNonNull(observations, "observations");
        actions = List.copyOf(actions);
    }
}
