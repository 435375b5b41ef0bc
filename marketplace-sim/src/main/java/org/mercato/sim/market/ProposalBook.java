package org.mercato.sim.market;

import java.util.HashMap;
import java.util.Map;
import org.mercato.sim.protocol.Proposal;

/** Every proposal made, by id, with whether it is still open, paid or declined. */
public final class ProposalBook {
    public enum Status {
        OPEN,
        PAID,
        DECLINED
    }

    public record Entry(Proposal proposal, int service, int customer, Status status) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private long issued;

    public String nextId() {
        return "p" + (++issued);
    }

    public void add(Proposal proposal, int service, int customer) {
        entries.put(proposal.id(), new Entry(proposal, service, customer, Status.OPEN));
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    public void mark(String id, Status status) {
        Entry entry = entries.get(id);
        entries.put(id, new Entry(entry.proposal(), entry.service(), entry.customer(), status));
    }

    public long issued() {
        return issued;
    }
}
