package org.mercato.sim.market;

import java.util.HashMap;
import java.util.Map;
import org.mercato.sim.protocol.Proposal;

/**
 * Every proposal made, by id, with whether it is still open, paid or declined. Ids count per
 * service ({@code <service>-p<k>} is the service's k-th proposal), so a proposal's id depends only
 * on its own service's history, not on what other services did first; the rolling kernel relies on
 * that to predict observations ahead.
 */
public final class ProposalBook {
    public enum Status {
        OPEN,
        PAID,
        DECLINED
    }

    public record Entry(Proposal proposal, int service, int customer, Status status) {}

    private final Map<String, Entry> entries;
    private final Map<String, Integer> issuedBy;
    private long issued;

    public ProposalBook() {
        this(new HashMap<>(), new HashMap<>(), 0);
    }

    private ProposalBook(Map<String, Entry> entries, Map<String, Integer> issuedBy, long issued) {
        this.entries = entries;
        this.issuedBy = issuedBy;
        this.issued = issued;
    }

    /** An independent copy (entries are immutable, so the maps are copied shallowly). */
    ProposalBook copy() {
        return new ProposalBook(new HashMap<>(entries), new HashMap<>(issuedBy), issued);
    }

    /** The id of {@code service}'s next proposal. */
    public String nextId(String service) {
        issued++;
        return service + "-p" + issuedBy.merge(service, 1, Integer::sum);
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
