package org.mercato.sim.events;

import java.util.List;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.protocol.Proposal;

/** A service made a proposal; its id is what a payment names. */
public record ProposalEvent(Proposal proposal) implements Event {
    @Override
    public String type() {
        return "proposal";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("id", proposal.id()).field("service", proposal.service()).field("customer", proposal.customer());
        writeLines(out, "lines", proposal.lines());
        out.money("total", proposal.total()).field("valid_until", proposal.validUntil());
    }

    /** Order lines as the log writes them: an array of {@code {"item", "qty", "price"}} objects. */
    public static JsonLine writeLines(JsonLine out, String name, List<OrderLine> lines) {
        out.beginArray(name);
        for (OrderLine line : lines) {
            out.element()
                    .field("item", line.item())
                    .field("qty", line.quantity())
                    .money("price", line.unitPrice())
                    .endElement();
        }
        return out.endArray();
    }
}
