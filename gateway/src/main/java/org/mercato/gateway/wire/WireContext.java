package org.mercato.gateway.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * What decoding an agent's actions needs besides the JSON: the virtual time of the turn ({@code
 * wait.seconds} and {@code propose.validFor} count from it) and the totals of the proposals the
 * agent has received (a {@code pay} without {@code amount} pays that total).
 */
public record WireContext(long now, Map<String, Long> proposalTotals) {
    public WireContext {
        proposalTotals = Map.copyOf(proposalTotals);
    }

    /** A context at {@code now} with no proposals received. */
    public static WireContext at(long now) {
        return new WireContext(now, new TreeMap<>());
    }
}
