package org.mercato.sim.protocol;

import java.util.List;
import org.mercato.sim.domain.OrderLine;

/** A proposal as the market recorded it, with the id a payment must name. */
public record Proposal(
        String id,
        String service,
        String customer,
        List<OrderLine> lines,
        long total,
        long createdAt,
        long validUntil) {
    public Proposal {
        lines = List.copyOf(lines);
    }
}
