package org.mercato.gateway.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * Server-side handling time per request kind. The gateway time per turn is the time to take a
 * turn's answer (HTTP POST or MCP action tool), excluding any wait for the market's next turn.
 */
public final class GatewayStats {
    private final Map<RequestKind, LatencyRecorder> recorders = new EnumMap<>(RequestKind.class);
    private final LatencyRecorder turnAnswers = new LatencyRecorder();

    GatewayStats() {
        for (RequestKind kind : RequestKind.values()) {
            recorders.put(kind, new LatencyRecorder());
        }
    }

    void record(RequestKind kind, long nanos) {
        if (kind.isTurnAnswer()) {
            turnAnswers.record(nanos);
        }
        recorders.get(kind).record(nanos); // last: a reader that sees this count sees the total too
    }

    /** Handling time of one kind of request. */
    public LatencySummary of(RequestKind kind) {
        return recorders.get(kind).summary();
    }

    /** The gateway's own time per answered turn, HTTP and MCP together. */
    public LatencySummary turnAnswers() {
        return turnAnswers.summary();
    }
}
