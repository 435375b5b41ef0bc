package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.random.Gaussian;

/**
 * A shopper with a fixed attention budget, for the paradox of choice. It reads the whole first
 * results page (its consideration set, of {@code n} listings) and judges each listing's utility
 * from what the page shows (Magentic's utility: the fulfilled value if the listing shows every
 * requested item and the required amenities, minus the shown total; 0 for a listing that shows none
 * of the requested items, as nothing can be bought there), with an error: it perceives
 *
 * <pre>
 * û_j = u_j + ε_j,   ε_j ~ Normal(0, (noise · n^exponent)²)   (currency units)
 * </pre>
 *
 * drawn from its own stream. The same attention spread over more listings makes each judgement
 * worse: with {@code exponent} 0.5 the error variance grows in proportion to the set (each listing
 * gets 1/n of the attention, as with a sample mean of n/attention observations), 0 gives a fixed
 * error, 1 an error growing with the set itself. It asks only the listing it judges best, then
 * checks the answer: it pays a proposal with a positive utility that fits the budget, else (a
 * worse proposal, or a reply that the service has none of the items) it declines and is done (one
 * attempt, as the consideration set is the point). More options help only while the best one's lead outgrows the error; past that, welfare
 * falls as the set grows. With {@code noise} 0 it is a perfect judge of the page.
 */
public final class AttentionBoundedAssistant extends OneListingAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "attention-bounded", List.of("noise", "exponent", "patience", SellerMemory.PARAM), params -> {
                double noise = params.doubleAtLeast("noise", 1.0, 0);
                double exponent = params.doubleAtLeast("exponent", 0.5, 0);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new AttentionBoundedAssistant(noise, exponent, patience, SellerMemory.of(memory));
            });

    private final double noise;
    private final double exponent;

    public AttentionBoundedAssistant(double noise, double exponent, long patience) {
        this(noise, exponent, patience, SellerMemory.none());
    }

    public AttentionBoundedAssistant(double noise, double exponent, long patience, SellerMemory memory) {
        super(patience, memory);
        this.noise = noise;
        this.exponent = exponent;
    }

    /** The error's standard deviation, in currency units, when {@code n} listings are considered. */
    public double errorSd(int n) {
        return noise * Math.pow(Math.max(n, 1), exponent);
    }

    /**
     * The utility a listing would give as shown on the page, in cents: Magentic's utility of buying
     * the requested items it shows a price for; 0 when it shows none of them (nothing to buy there).
     */
    public static double shownUtility(Customer customer, ListingView listing) {
        List<OrderLine> lines = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Integer> item : customer.items().entrySet()) {
            Long price = listing.prices().get(item.getKey());
            if (price == null) {
                continue;
            }
            lines.add(new OrderLine(item.getKey(), item.getValue(), price));
            total += price * item.getValue();
        }
        if (lines.isEmpty()) {
            return 0;
        }
        return MagenticUtility.of(customer, listing.amenities(), lines, total);
    }

    @Override
    ListingView pick(List<ListingView> listings, AgentContext context) {
        double sdCents = errorSd(listings.size()) * 100;
        double best = Double.NEGATIVE_INFINITY;
        ListingView chosen = null;
        for (ListingView listing : listings) {
            double u = shownUtility(customer(), listing);
            double perceived = u + sdCents * Gaussian.next(context.random());
            if (perceived > best) {
                best = perceived;
                chosen = listing;
            }
        }
        return chosen;
    }

    @Override
    boolean accepts(Proposal proposal, ListingView chosen) {
        long utility = MagenticUtility.of(customer(), chosen.amenities(), proposal.lines(), proposal.total());
        return utility > 0 && proposal.total() <= customer().budget();
    }

    @Override
    String refusal() {
        return "no-acceptable-proposal";
    }
}
