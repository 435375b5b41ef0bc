package org.mercato.agents.assistant;

import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
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
 * A shopper that picks one listing from its first results page, asks only that service and pays
 * its proposal when {@link #accepts} allows; otherwise (a worse proposal, a reply without one, no
 * answer within its patience, a refused payment) it declines what it holds and is done: one
 * attempt, as the page choice is what these shoppers are for. Subclasses decide the pick.
 */
abstract class OneListingAssistant implements AssistantPolicy {
    private final long patience;
    private final Checkout checkout = new Checkout();
    private Customer customer;
    private ListingView chosen;

    OneListingAssistant(long patience) {
        this.patience = patience;
    }

    /** The listing to ask, or null when none will do. */
    abstract ListingView pick(List<ListingView> listings, AgentContext context);

    /** Why the shopper stops when {@link #pick} finds nothing on {@code listings}. */
    String nothingToPick(List<ListingView> listings) {
        return "no-results";
    }

    /** Whether to pay {@code proposal} from the {@code chosen} listing's service. */
    abstract boolean accepts(Proposal proposal, ListingView chosen);

    /** Why the shopper stops when {@link #accepts} says no. */
    abstract String refusal();

    Customer customer() {
        return customer;
    }

    @Override
    public final List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (checkout.finished()) {
            return List.of();
        }
        if (observation instanceof AssistantStarted started) {
            customer = started.customer();
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results && chosen == null) {
            return ask(results.listings(), context);
        }
        if (observation instanceof ProposalReceived received) {
            Proposal proposal = received.proposal();
            checkout.received(proposal);
            if (checkout.paying() || !proposal.service().equals(chosen.service())) {
                return List.of();
            }
            if (accepts(proposal, chosen)) {
                return checkout.pay(proposal);
            }
            return stop(refusal());
        }
        if (observation instanceof PaymentSettled) {
            return checkout.end("purchased");
        }
        if ((observation instanceof MessageReceived || observation instanceof WokenUp) && !checkout.paying()) {
            return stop("no-proposal");
        }
        if (checkout.paymentRefused(observation)) {
            return stop("payment-rejected");
        }
        return List.of();
    }

    private List<AssistantAction> ask(List<ListingView> listings, AgentContext context) {
        chosen = pick(listings, context);
        if (chosen == null) {
            return checkout.end(nothingToPick(listings));
        }
        return List.of(
                Message.inquiry(
                        chosen.service(), "Please send me a proposal for " + customer.items(), customer.items()),
                new Wait(context.now() + patience));
    }

    private List<AssistantAction> stop(String reason) {
        return checkout.declineAndEnd(null, reason);
    }
}
