package org.mercato.sim.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.schedule.Scheduled;

/**
 * Holds proposals back from their customer as the {@link RevealSettings} say, and releases them
 * on market timers. A held proposal is hidden: paying or declining it is refused as an unknown
 * proposal, as its customer has not seen it. A batch's random order comes from its own stream,
 * derived from (seed, {@code market/reveal/<customer>/<n>}) for the customer's n-th batch, so it
 * does not depend on other customers. Used only on the market's thread, in the kernel's order.
 */
public final class ProposalReveal {
    private final RevealSettings settings;
    private final long seed;
    private final Map<Integer, Held> byCustomer = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final MarketTimers timers = new MarketTimers();

    private static final class Held {
        final List<Proposal> proposals = new ArrayList<>();
        long firstInquiry = -1;
        boolean timerSet;
        int batches;
    }

    public ProposalReveal(RevealSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    public static ProposalReveal immediate() {
        return new ProposalReveal(RevealSettings.IMMEDIATE, 0);
    }

    public RevealSettings settings() {
        return settings;
    }

    /** Whether proposals are delivered when made, with no {@code reveal} events. */
    public boolean isImmediate() {
        return settings.policy() == RevealSettings.Policy.IMMEDIATE;
    }

    /** The customer wrote to a service (an inquiry); the first one starts a minimum wait. */
    void inquiry(long t, int customer) {
        if (settings.policy() == RevealSettings.Policy.MIN_WAIT) {
            Held held = held(customer);
            if (held.firstInquiry < 0) {
                held.firstInquiry = t;
            }
        }
    }

    /**
     * A proposal was made for {@code customer} at {@code t}. Returns true if it is to be revealed
     * now; otherwise it is held (and a timer is set through {@code out} if none is pending).
     */
    boolean admit(long t, int customer, Proposal proposal, MarketOutput out) {
        long releaseAt;
        switch (settings.policy()) {
            case IMMEDIATE -> {
                return true;
            }
            case MIN_WAIT -> {
                Held held = held(customer);
                // a proposal needs a conversation, so an inquiry came first
                releaseAt = held.firstInquiry < 0 ? t : held.firstInquiry + settings.minWait();
                if (t >= releaseAt) {
                    return true;
                }
            }
            case BATCHED -> releaseAt = t + settings.window();
            default -> throw new IllegalStateException(settings.policy().toString());
        }
        Held held = held(customer);
        held.proposals.add(proposal);
        hidden.add(proposal.id());
        if (!held.timerSet) {
            held.timerSet = true;
            out.schedule(timers.at(releaseAt, customer, Scheduled.TimerPurpose.REVEAL_PROPOSALS));
        }
        return false;
    }

    /** The proposals this timer releases, in the order to reveal them; they are no longer hidden. */
    List<Proposal> release(Scheduled.MarketTimerAt timer, String customerId) {
        Held held = byCustomer.get(timer.agent());
        if (held == null || held.proposals.isEmpty()) {
            return List.of();
        }
        List<Proposal> out = new ArrayList<>(held.proposals);
        held.proposals.clear();
        held.timerSet = false;
        if (settings.policy() == RevealSettings.Policy.BATCHED) {
            SplittableRandom random = Seeds.derive(seed, "market/reveal/" + customerId + "/" + held.batches++);
            for (int i = out.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Proposal swap = out.get(i);
                out.set(i, out.get(j));
                out.set(j, swap);
            }
        }
        for (Proposal proposal : out) {
            hidden.remove(proposal.id());
        }
        return out;
    }

    /** The market's timer numbering, which this policy's timers share with the market's others. */
    MarketTimers timers() {
        return timers;
    }

    /** Whether this proposal is held back from its customer. */
    boolean isHidden(String proposalId) {
        return !hidden.isEmpty() && hidden.contains(proposalId);
    }

    private Held held(int customer) {
        return byCustomer.computeIfAbsent(customer, c -> new Held());
    }
}
