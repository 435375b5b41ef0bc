package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.base.CounterOffer;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * Haggles with the top service on the first results page. Its {@code target} and {@code
 * reservation} prices are fractions of the reference value of the requested items (the reservation
 * capped by the budget). It asks for a proposal; while a proposal's total exceeds its current
 * offer (the target to begin with) and rounds remain, it declines that proposal and sends a counter
 * offer as text, {@code offer: 12.50} with the items map. Offers rise in equal steps from the target
 * (round 1) to the reservation (round {@code rounds}). It pays a proposal at or below its current
 * offer; when the rounds are used up it pays if the total is at most the reservation and otherwise
 * declines and stops. A reply without a proposal, or {@code patience} without an answer, ends the
 * haggling. Sellers that understand offers: {@code negotiable}.
 */
public final class NegotiatorAssistant implements AssistantPolicy {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY =
            PolicyEntry.behavioural("negotiator", List.of("target", "reservation", "rounds", "patience"), params -> {
                double target = params.doubleAtLeast("target", 0.7, 0);
                double reservation = params.doubleAtLeast("reservation", 1.0, target);
                int rounds = params.positiveInt("rounds", 3);
                long patience = SharedParams.patience(params);
                return () -> new NegotiatorAssistant(target, reservation, rounds, patience);
            });

    private final double targetShare;
    private final double reservationShare;
    private final int rounds;
    private final long patience;
    private Customer customer;
    private String seller;
    private long target;
    private long reservation;
    private long offer;
    private int round;
    private long deadline;
    private final Checkout checkout = new Checkout();

    public NegotiatorAssistant(double target, double reservation, int rounds, long patience) {
        this.targetShare = target;
        this.reservationShare = reservation;
        this.rounds = rounds;
        this.patience = patience;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (checkout.finished()) {
            return List.of();
        }
        if (observation instanceof AssistantStarted started) {
            customer = started.customer();
            long value = customer.fulfilledValue() / 2;
            target = Math.round(value * targetShare);
            reservation = Math.min(customer.budget(), Math.round(value * reservationShare));
            offer = target;
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results && seller == null) {
            if (results.listings().isEmpty()) {
                return checkout.end("no-results");
            }
            ListingView top = results.listings().get(0);
            seller = top.service();
            return send("Please send me a proposal for " + customer.items(), context);
        }
        if (observation instanceof ProposalReceived received) {
            checkout.received(received.proposal());
            return checkout.paying() ? List.of() : consider(received.proposal(), context);
        }
        if (observation instanceof PaymentSettled) {
            return checkout.end("purchased");
        }
        if (observation instanceof MessageReceived && !checkout.paying()) {
            return stop("no-proposal");
        }
        if (observation instanceof WokenUp woken && !checkout.paying() && woken.at() >= deadline) {
            return stop("no-proposal");
        }
        if (checkout.paymentRefused(observation)) {
            return stop("payment-rejected");
        }
        return List.of();
    }

    private List<AssistantAction> consider(Proposal proposal, AgentContext context) {
        if (proposal.total() <= offer && proposal.total() <= customer.budget()) {
            return checkout.pay(proposal);
        }
        if (round < rounds) {
            round++;
            offer = rounds == 1 ? target : target + (reservation - target) * (round - 1) / (rounds - 1);
            checkout.dropped(proposal);
            List<AssistantAction> actions = new ArrayList<>();
            actions.add(new Decline(proposal.id()));
            actions.addAll(send(CounterOffer.text(offer), context));
            return actions;
        }
        if (proposal.total() <= reservation) {
            return checkout.pay(proposal);
        }
        return stop("no-deal");
    }

    private List<AssistantAction> send(String text, AgentContext context) {
        deadline = context.now() + patience;
        return List.of(Message.inquiry(seller, text, customer.items()), new Wait(deadline));
    }

    private List<AssistantAction> stop(String reason) {
        return checkout.declineAndEnd(null, reason);
    }
}
