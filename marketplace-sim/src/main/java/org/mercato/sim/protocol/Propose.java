package org.mercato.sim.protocol;

import java.util.List;
import java.util.Objects;
import org.mercato.sim.domain.OrderLine;

/** An order proposal to a customer who has written to this service, payable until {@code validUntil}. */
public record Propose(String customer, List<OrderLine> lines, long total, long validUntil) implements ServiceAction {
    public Propose {
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }

    @Override
    public String kind() {
        return "propose";
    }
}
