package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.Rejected;

/**
 * Where a scripted shopper's purchase stands: the proposals it holds, whether a payment is under
 * way and whether it is done, with the moves every shopper makes the same way (pay, end, decline
 * what it holds and end, take back a refused payment).
 */
final class Checkout {
    private final List<Proposal> open = new ArrayList<>();
    private boolean paying;
    private boolean finished;

    boolean paying() {
        return paying;
    }

    boolean finished() {
        return finished;
    }

    /** The proposals held, oldest first. */
    List<Proposal> open() {
        return open;
    }

    void received(Proposal proposal) {
        open.add(proposal);
    }

    /** Forgets a proposal the shopper declines itself. */
    void dropped(Proposal proposal) {
        open.remove(proposal);
    }

    List<AssistantAction> pay(Proposal proposal) {
        paying = true;
        return List.of(new Pay(proposal.id(), proposal.total()));
    }

    /** Done for {@code reason}, declining nothing. */
    List<AssistantAction> end(String reason) {
        finished = true;
        return List.of(new Done(reason));
    }

    /** Declines every proposal held but {@code kept} (null: every one), then done for {@code reason}. */
    List<AssistantAction> declineAndEnd(String kept, String reason) {
        finished = true;
        List<AssistantAction> actions = declines(kept);
        actions.add(new Done(reason));
        return actions;
    }

    /** Declines every proposal held and forgets them; the shopper goes on shopping. */
    List<AssistantAction> declineAll() {
        List<AssistantAction> actions = declines(null);
        open.clear();
        return actions;
    }

    private List<AssistantAction> declines(String kept) {
        List<AssistantAction> actions = new ArrayList<>();
        for (Proposal proposal : open) {
            if (!proposal.id().equals(kept)) {
                actions.add(new Decline(proposal.id()));
            }
        }
        return actions;
    }

    /** Whether {@code observation} refuses the payment under way; if so that proposal is gone. */
    boolean paymentRefused(Observation observation) {
        if (observation instanceof Rejected rejected && rejected.action().equals("pay")) {
            paying = false;
            open.removeIf(p -> p.id().equals(rejected.ref()));
            return true;
        }
        return false;
    }
}
