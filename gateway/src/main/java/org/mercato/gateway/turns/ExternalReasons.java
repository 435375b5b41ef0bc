package org.mercato.gateway.turns;

import java.util.List;

/**
 * The {@code done} reasons (and, for a service, the reply text) of an external agent the run
 * ended: each counts the agent as failed, like {@code llm-error}.
 */
public final class ExternalReasons {
    /** The agent did not answer a turn within its group's wall-clock timeout. */
    public static final String TIMEOUT = "external-timeout";
    /** The agent's process exited or disconnected. */
    public static final String GONE = "external-gone";
    /** replay-strict: a turn was missing from the recording, or the agent saw something else. */
    public static final String REPLAY_MISMATCH = "external-replay-mismatch";

    public static final List<String> ALL = List.of(TIMEOUT, GONE, REPLAY_MISMATCH);

    private ExternalReasons() {}
}
