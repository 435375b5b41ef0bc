package org.mercato.scenarios.run;

import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.ExternalTurns;
import org.mercato.scenarios.model.ExternalConfig;

/**
 * One {@code policy: external} group of a run: the group as the desk knows it (name, role, agent
 * ids, token, turn timeout), its scenario section (command, timeouts, cache) and where its turns go
 * (the desk, or its recording).
 */
public record ExternalGroupRun(ExternalGroup group, ExternalConfig config, ExternalTurns turns) {
    /** The shell command that starts the group's agent process, or null (the user starts it). */
    public String command() {
        return config.command();
    }

    /** Whether the run must wait for the group's agent before the market starts (not when it replays a recording). */
    public boolean needsAgentAtStart() {
        return !turns.recording().replays();
    }
}
