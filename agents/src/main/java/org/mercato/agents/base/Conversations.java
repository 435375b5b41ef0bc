package org.mercato.agents.base;

import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Rejected;

/** A seller's conversations: which customer an observation is about. */
public final class Conversations {
    private Conversations() {}

    /**
     * The customer an observation of a service is about, whose conversation it joins (a refused
     * reply or proposal names it as its {@code ref}); null for none (its start, a wake-up).
     */
    public static String customerOf(Observation observation) {
        if (observation instanceof MessageReceived m) {
            return m.from();
        }
        if (observation instanceof PaymentSettled s) {
            return s.customer();
        }
        if (observation instanceof ProposalDeclined d) {
            return d.customer();
        }
        if (observation instanceof Rejected r) {
            return r.ref();
        }
        return null;
    }
}
