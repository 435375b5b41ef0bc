package org.mercato.sim.events;

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
        out.field("id", proposal.id())
                .field("service", proposal.service())
                .field("customer", proposal.customer())
                .beginArray("lines");
        for (OrderLine line : proposal.lines()) {
            out.element()
                    .field("item", line.item())
                    .field("qty", line.quantity())
                    .money("price", line.unitPrice())
                    .endElement();
        }
        out.endArray().money("total", proposal.total()).field("valid_until", proposal.validUntil());
    }
}
