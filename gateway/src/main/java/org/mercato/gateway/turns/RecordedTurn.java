package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One recorded turn of an outside agent: its number, the SHA-256 (hex) of the canonical JSON of the
 * observations it saw, and the actions it answered with (the wire format, as sent); or, when the
 * turn got no answer, how the run ended the agent ({@code ended}: {@code external-timeout} or
 * {@code external-gone}), so a replay ends it the same way. {@code ended} is null for an answer.
 */
public record RecordedTurn(long turn, String observations, List<JsonNode> actions, String ended) {
    public RecordedTurn {
        Objects.requireNonNull(observations, "observations");
        actions = List.copyOf(actions);
    }

    /** An answered turn. */
    public RecordedTurn(long turn, String observations, List<JsonNode> actions) {
        this(turn, observations, actions, null);
    }
}
