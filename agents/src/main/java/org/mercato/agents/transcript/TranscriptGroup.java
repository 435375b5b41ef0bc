package org.mercato.agents.transcript;

import java.util.Objects;

/**
 * Where one group of model users reports its turns: the run's sink, the group's role in the
 * transcript ({@code assistant}, {@code service}, {@code pricer}, ...), its index in its list and
 * its policy name ({@code kind}), and its model's prices in money per million tokens (null:
 * unpriced, so a turn's {@code cost} is null).
 */
public record TranscriptGroup(
        TranscriptSink sink, String role, int group, String kind, Double inputPrice, Double outputPrice) {
    public TranscriptGroup {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(role, "role");
    }

    /** The money of a call with these tokens, or null when the model has no price. */
    public Double cost(long inputTokens, long outputTokens) {
        if (inputPrice == null || outputPrice == null) {
            return null;
        }
        // as the summary's cost block counts it
        return inputTokens / 1e6 * inputPrice + outputTokens / 1e6 * outputPrice;
    }
}
