package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.agents.Tactic;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * A synthetic buyer with known biases, choosing from the first results page by a conditional-logit
 * rule. Each listing that shows a price for every requested item gets the utility
 *
 * <pre>
 * u = rank·rank + row·row + column·column + logPrice·ln(total) + rating·rating
 *   + logReviews·ln(reviews + 1) + sponsored·[sponsored] + overallPick·[overall-pick]
 *   + scarcity·[scarcity:N] + Σ tactics[t]·[description carries tactic t]
 * </pre>
 *
 * where {@code total} is the shown total for the customer's items in currency units (not cents),
 * bracketed terms are 0/1 indicators of page tags and {@link Tactic} templates in the shown
 * description. Listings without a shown price for some requested item are skipped. The choice is
 * drawn with probability {@code exp(u_j) / Σ exp(u_k)} from the agent's own random stream; the
 * buyer then asks only the chosen service and pays its proposal when the budget allows (otherwise
 * declines it). Planted coefficients are what an estimator should recover (the ACES set-up).
 */
public final class LogitAssistant implements AssistantPolicy {
    /** The coefficients of the choice rule; {@code tactics} maps tactic labels to coefficients. */
    public record Coefficients(
            double rank,
            double row,
            double column,
            double logPrice,
            double rating,
            double logReviews,
            double sponsored,
            double overallPick,
            double scarcity,
            Map<String, Double> tactics) {
        public Coefficients {
            tactics = Map.copyOf(tactics);
        }
    }

    private final Coefficients beta;
    private final long patience;
    private Customer customer;
    private boolean finished;
    private boolean paying;
    private String chosen;
    private final List<Proposal> open = new ArrayList<>();

    public LogitAssistant(Coefficients beta, long patience) {
        this.beta = beta;
        this.patience = patience;
    }

    /**
     * The shown total of the customer's items at this listing, in cents, or -1 when the listing
     * does not show a price for each of them.
     */
    public static long shownTotal(Customer customer, ListingView listing) {
        long total = 0;
        for (Map.Entry<String, Integer> item : customer.items().entrySet()) {
            Long price = listing.prices().get(item.getKey());
            if (price == null) {
                return -1;
            }
            total += price * item.getValue();
        }
        return total;
    }

    /** The utility of one priced listing; NaN when the listing has no usable price. */
    public double utility(Customer customer, ListingView listing) {
        long total = shownTotal(customer, listing);
        if (total < 0) {
            return Double.NaN;
        }
        double u = beta.rank() * listing.rank()
                + beta.row() * listing.row()
                + beta.column() * listing.column()
                + beta.logPrice() * Math.log(Math.max(total, 1) / 100.0)
                + beta.rating() * listing.rating()
                + beta.logReviews() * Math.log(listing.reviewCount() + 1.0)
                + beta.sponsored() * indicator(listing.tags().contains("sponsored"))
                + beta.overallPick() * indicator(listing.tags().contains("overall-pick"))
                + beta.scarcity() * indicator(listing.tags().stream().anyMatch(t -> t.startsWith("scarcity:")));
        for (Tactic tactic : Tactic.detect(listing.description())) {
            u += beta.tactics().getOrDefault(tactic.label(), 0.0);
        }
        return u;
    }

    /** Choice probabilities for the listings on a page, in page order; 0 for skipped listings. */
    public double[] probabilities(Customer customer, List<ListingView> listings) {
        double[] u = new double[listings.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < u.length; i++) {
            u[i] = utility(customer, listings.get(i));
            if (!Double.isNaN(u[i])) {
                max = Math.max(max, u[i]);
            }
        }
        double[] p = new double[u.length];
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            p[i] = Double.isNaN(u[i]) ? 0 : Math.exp(u[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? p[i] / sum : 0;
        }
        return p;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (finished) {
            return List.of();
        }
        if (observation instanceof AssistantStarted started) {
            customer = started.customer();
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results && chosen == null) {
            return choose(results.listings(), context);
        }
        if (observation instanceof ProposalReceived received) {
            Proposal proposal = received.proposal();
            open.add(proposal);
            if (paying || !proposal.service().equals(chosen)) {
                return List.of();
            }
            if (proposal.total() <= customer.budget()) {
                paying = true;
                return List.of(new Pay(proposal.id(), proposal.total()));
            }
            return stop("over-budget");
        }
        if (observation instanceof PaymentSettled) {
            finished = true;
            return List.of(new Done("purchased"));
        }
        if (observation instanceof MessageReceived && !paying) {
            return stop("no-proposal");
        }
        if (observation instanceof WokenUp && !paying) {
            return stop("no-proposal");
        }
        if (observation instanceof Rejected rejected && rejected.action().equals("pay")) {
            paying = false;
            open.removeIf(p -> p.id().equals(rejected.ref()));
            return stop("payment-rejected");
        }
        return List.of();
    }

    private List<AssistantAction> choose(List<ListingView> listings, AgentContext context) {
        double[] p = probabilities(customer, listings);
        double draw = context.random().nextDouble();
        int pick = -1;
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                pick = i;
                cumulative += p[i];
                if (draw < cumulative) {
                    break;
                }
            }
        }
        if (pick < 0) {
            finished = true;
            return List.of(new Done(listings.isEmpty() ? "no-results" : "no-priced-listings"));
        }
        chosen = listings.get(pick).service();
        return List.of(
                Message.inquiry(chosen, "Please send me a proposal for " + customer.items(), customer.items()),
                new Wait(context.now() + patience));
    }

    private List<AssistantAction> stop(String reason) {
        finished = true;
        List<AssistantAction> actions = new ArrayList<>();
        for (Proposal proposal : open) {
            actions.add(new Decline(proposal.id()));
        }
        actions.add(new Done(reason));
        return actions;
    }

    private static double indicator(boolean value) {
        return value ? 1 : 0;
    }
}
