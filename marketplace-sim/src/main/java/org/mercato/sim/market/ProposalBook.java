package org.mercato.sim.market;

import java.util.Arrays;
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
    /** Proposals issued so far by the service in each agent slot (a map by id cost cache misses). */
    private int[] issuedBy;

    private long issued;

    public ProposalBook() {
        this(new HashMap<>(), new int[0], 0);
    }

    private ProposalBook(Map<String, Entry> entries, int[] issuedBy, long issued) {
        this.entries = entries;
        this.issuedBy = issuedBy;
        this.issued = issued;
    }

    /** An independent copy (entries are immutable, so the maps are copied shallowly). */
    ProposalBook copy() {
        return new ProposalBook(new HashMap<>(entries), issuedBy.clone(), issued);
    }

    /** The id of the next proposal of {@code serviceId}, the service in agent slot {@code service}. */
    public String nextId(int service, String serviceId) {
        issued++;
        if (service >= issuedBy.length) {
            issuedBy = Arrays.copyOf(issuedBy, Math.max(service + 1, issuedBy.length * 2));
        }
        return serviceId + "-p" + ++issuedBy[service];
    }

    public void add(Proposal proposal, int service, int customer) {
        entries.put(proposal.id(), new Entry(proposal, service, customer, Status.OPEN));
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    /** Records the new status of {@code entry}, which {@link #get} returned (one lookup, not two). */
    public void mark(Entry entry, Status status) {
        entries.put(entry.proposal().id(), new Entry(entry.proposal(), entry.service(), entry.customer(), status));
    }

    public long issued() {
        return issued;
    }
}
