package org.mercato.agents.assistant;

import java.util.List;
import java.util.Map;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Proposal;

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
public final class LogitAssistant extends OneListingAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "logit",
            List.of(
                    "rank",
                    "row",
                    "column",
                    "logPrice",
                    "rating",
                    "logReviews",
                    "sponsored",
                    "overallPick",
                    "scarcity",
                    "tactics",
                    "patience",
                    SellerMemory.PARAM),
            params -> {
                var beta = coefficients(params);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new LogitAssistant(beta, patience, SellerMemory.of(memory));
            });

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

    /** The coefficients a group's parameters plant (the defaults for those left out). */
    public static Coefficients coefficients(PolicyParams params) {
        return new Coefficients(
                params.doubleValue("rank", 0),
                params.doubleValue("row", 0),
                params.doubleValue("column", 0),
                params.doubleValue("logPrice", -1),
                params.doubleValue("rating", 0),
                params.doubleValue("logReviews", 0),
                params.doubleValue("sponsored", 0),
                params.doubleValue("overallPick", 0),
                params.doubleValue("scarcity", 0),
                params.doubleMap("tactics", Tactic.labels()));
    }

    private final Coefficients beta;

    public LogitAssistant(Coefficients beta, long patience) {
        this(beta, patience, SellerMemory.none());
    }

    public LogitAssistant(Coefficients beta, long patience, SellerMemory memory) {
        super(patience, memory);
        this.beta = beta;
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
    ListingView pick(List<ListingView> listings, AgentContext context) {
        double[] p = probabilities(customer(), listings);
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
        return pick < 0 ? null : listings.get(pick);
    }

    @Override
    String nothingToPick(List<ListingView> listings) {
        return listings.isEmpty() ? "no-results" : "no-priced-listings";
    }

    @Override
    boolean accepts(Proposal proposal, ListingView chosen) {
        return proposal.total() <= customer().budget();
    }

    @Override
    String refusal() {
        return "over-budget";
    }

    private static double indicator(boolean value) {
        return value ? 1 : 0;
    }
}
