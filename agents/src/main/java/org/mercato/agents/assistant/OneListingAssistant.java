package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.mercato.sim.protocol.OrderDelivered;
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
 *
 * <p>Each {@link AssistantStarted} (a returning customer gets one per visit) starts afresh. With a
 * {@link SellerMemory} that is on, a visit first asks the remembered seller it keeps (by id,
 * without searching, judged by its listing as last seen); if that attempt fails as above, it
 * declines what it holds and picks from a results page without that seller. Listings of sellers
 * the memory avoids are left off the page it picks from.
 */
abstract class OneListingAssistant implements AssistantPolicy {
    private final long patience;
    private final SellerMemory memory;
    /** The listings chosen on earlier visits (with memory on), to judge a remembered seller's answer. */
    private final Map<String, ListingView> seen = new TreeMap<>();

    private Checkout checkout = new Checkout();
    private Customer customer;
    private ListingView chosen;
    private long deadline;
    /** Whether {@link #chosen} is the remembered seller, asked without a search. */
    private boolean direct;
    /** The remembered seller this visit asked first in vain: the page it picks from leaves it out. */
    private String passedOver;

    OneListingAssistant(long patience) {
        this(patience, SellerMemory.none());
    }

    OneListingAssistant(long patience, SellerMemory memory) {
        this.patience = patience;
        this.memory = memory;
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
        if (observation instanceof OrderDelivered delivered) {
            memory.delivered(delivered.service(), delivered.quality());
            return List.of(); // delivered during or after a visit: nothing to do about it now
        }
        if (observation instanceof AssistantStarted started) {
            return start(started.customer(), context);
        }
        if (checkout.finished()) {
            return List.of();
        }
        if (observation instanceof SearchResults results && chosen == null) {
            return ask(results.listings(), context);
        }
        if (observation instanceof ProposalReceived received) {
            Proposal proposal = received.proposal();
            if (proposal.service().equals(passedOver)) {
                return List.of(new Decline(proposal.id()));
            }
            checkout.received(proposal);
            if (checkout.paying() || chosen == null || !proposal.service().equals(chosen.service())) {
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
        boolean noAnswer = observation instanceof MessageReceived message
                        && !message.from().equals(passedOver)
                || observation instanceof WokenUp woken && woken.at() >= deadline;
        if (noAnswer && !checkout.paying()) {
            return stop("no-proposal");
        }
        if (checkout.paymentRefused(observation)) {
            return stop("payment-rejected");
        }
        return List.of();
    }

    private List<AssistantAction> start(Customer customer, AgentContext context) {
        this.customer = customer;
        checkout = new Checkout();
        passedOver = null;
        String favourite = memory.favourite();
        chosen = favourite == null ? null : seen.get(favourite);
        direct = chosen != null;
        if (!direct) {
            return List.of(new Search(customer.request()));
        }
        return inquire(context);
    }

    private List<AssistantAction> ask(List<ListingView> listings, AgentContext context) {
        List<ListingView> page = listings;
        if (passedOver != null || memory.isOn()) {
            page = listings.stream()
                    .filter(l -> !l.service().equals(passedOver) && !memory.avoids(l.service()))
                    .toList();
        }
        chosen = pick(page, context);
        if (chosen == null) {
            return checkout.end(page.isEmpty() && !listings.isEmpty() ? "all-avoided" : nothingToPick(page));
        }
        if (memory.isOn()) {
            seen.put(chosen.service(), chosen);
        }
        return inquire(context);
    }

    private List<AssistantAction> inquire(AgentContext context) {
        deadline = context.now() + patience;
        return List.of(
                Message.inquiry(
                        chosen.service(), "Please send me a proposal for " + customer.items(), customer.items()),
                new Wait(deadline));
    }

    /** Ends the visit for {@code reason}, or after a failed remembered seller, searches instead. */
    private List<AssistantAction> stop(String reason) {
        if (!direct) {
            return checkout.declineAndEnd(null, reason);
        }
        List<AssistantAction> actions = new ArrayList<>(checkout.declineAll());
        passedOver = chosen.service();
        chosen = null;
        direct = false;
        deadline = Long.MAX_VALUE; // until the next inquiry: the remembered seller's wake-up is stale
        actions.add(new Search(customer.request()));
        return actions;
    }
}
