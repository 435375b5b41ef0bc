package org.mercato.gateway.turns;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An agent group driven from outside: its name, whether it shops or sells, its agents' ids, the
 * bearer token that acts for them and how long (wall clock) one turn may stay unanswered. The token
 * never appears in {@link #toString()}.
 */
public record ExternalGroup(String name, Role role, List<String> agentIds, String token, Duration turnTimeout) {
    /** Which side of the market the group's agents are on. */
    public enum Role {
        ASSISTANT,
        SERVICE;

        /** {@code assistant} or {@code service}, as the wire format and the environment say it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ExternalGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(turnTimeout, "turnTimeout");
        agentIds = List.copyOf(agentIds);
        if (turnTimeout.isNegative() || turnTimeout.isZero()) {
            throw new IllegalArgumentException("turn timeout of group " + name + " must be > 0");
        }
    }

    @Override
    public String toString() {
        return "ExternalGroup[" + name + ", " + role.label() + ", " + agentIds.size() + " agents, timeout "
                + turnTimeout + "]";
    }
}
