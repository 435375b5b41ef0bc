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
 * u = rank·rank + row·row + column·column + logPrice·ln(total) + price·total + rating·rating
 *   + logReviews·ln(reviews + 1) + sponsored·[sponsored] + overallPick·[overall-pick]
 *   + scarcity·[scarcity:N] + Σ tactics[t]·[description carries tactic t] + intercepts[service]
 * </pre>
 *
 * where {@code total} is the shown total for the customer's items in currency units (not cents),
 * bracketed terms are 0/1 indicators of page tags and {@link Tactic} templates in the shown
 * description, and {@code intercepts} maps service ids to a utility of their own (0 for the rest).
 * Listings without a shown price for some requested item are skipped. The choice is drawn with
 * probability {@code exp(u_j) / (Σ exp(u_k) + exp(outside))} from the agent's own random stream,
 * where {@code outside} is the utility of buying nothing (none by default: the buyer always picks
 * a listing); drawing the outside option ends the visit as {@code outside-option} without asking
 * anyone. The buyer otherwise asks only the chosen service and pays its proposal when the budget
 * allows (otherwise declines it). Planted coefficients are what an estimator should recover (the
 * ACES set-up). With {@code logPrice: 0, price: -1/μ, outside: (a0 − a)/μ} the shares are Calvano
 * et al.'s logit demand for symmetric qualities a (or {@code outside: a0/μ} and {@code intercepts:
 * {service: a_i/μ}} for asymmetric ones).
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
                    "price",
                    "outside",
                    "intercepts",
                    "patience",
                    SellerMemory.PARAM),
            params -> {
                var beta = coefficients(params);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new LogitAssistant(beta, patience, SellerMemory.of(memory));
            });

    /** No outside option: the buyer always picks a listing when one is priced. */
    public static final double NO_OUTSIDE = Double.NEGATIVE_INFINITY;

    /**
     * The coefficients of the choice rule; {@code tactics} maps tactic labels to coefficients,
     * {@code price} is per currency unit of the shown total, {@code outside} the utility of buying
     * nothing ({@link #NO_OUTSIDE} for none), {@code intercepts} a utility per service id.
     */
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
            Map<String, Double> tactics,
            double price,
            double outside,
            Map<String, Double> intercepts) {
        public Coefficients {
            tactics = Map.copyOf(tactics);
            intercepts = Map.copyOf(intercepts);
            if (Double.isNaN(outside) || outside == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("the outside option's utility must be finite, was " + outside);
            }
        }

        boolean hasOutside() {
            return outside != NO_OUTSIDE;
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
                params.doubleMap("tactics", Tactic.labels()),
                params.doubleValue("price", 0),
                params.has("outside") ? params.doubleValue("outside", 0) : NO_OUTSIDE,
                params.doubleMap("intercepts", null));
    }

    private final Coefficients beta;
    /** Whether the last {@link #pick} drew the outside option. */
    private boolean tookOutside;

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
        if (beta.price() != 0) {
            u += beta.price() * (total / 100.0);
        }
        Double intercept = beta.intercepts().get(listing.service());
        if (intercept != null) {
            u += intercept;
        }
        return u;
    }

    /**
     * Choice probabilities for the listings on a page, in page order; 0 for skipped listings. With
     * an outside option they sum to 1 minus its probability (when any listing is priced).
     */
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
        if (sum > 0 && beta.hasOutside()) {
            double top = Math.max(max, beta.outside());
            double rescale = Math.exp(max - top);
            sum = sum * rescale + Math.exp(beta.outside() - top);
            for (int i = 0; i < p.length; i++) {
                p[i] *= rescale;
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? p[i] / sum : 0;
        }
        return p;
    }

    @Override
    ListingView pick(List<ListingView> listings, AgentContext context) {
        tookOutside = false;
        double[] p = probabilities(customer(), listings);
        double draw = context.random().nextDouble();
        int pick = -1;
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                pick = i;
                cumulative += p[i];
                if (draw < cumulative) {
                    return listings.get(i);
                }
            }
        }
        if (beta.hasOutside() && listings.stream().anyMatch(l -> shownTotal(customer(), l) >= 0)) {
            tookOutside = true; // the draw fell past every listing (or the outside option swamped them all)
            return null;
        }
        return pick < 0 ? null : listings.get(pick);
    }

    @Override
    String nothingToPick(List<ListingView> listings) {
        if (tookOutside) {
            return "outside-option";
        }
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
