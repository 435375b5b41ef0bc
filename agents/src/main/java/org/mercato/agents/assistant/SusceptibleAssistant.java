package org.mercato.agents.assistant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Proposal;

/**
 * A rational shopper that a listing's manipulation can capture, with a susceptibility per {@link
 * Tactic}: the probability that a listing carrying the tactic's text wins the customer over. For
 * each listing it asks for a proposal (in page order) and each tactic the listing's description
 * carries ({@link Tactic#detect}, in the tactics' declared order), it draws once from its own
 * stream; the first draw below the tactic's susceptibility captures it. A captured shopper pays
 * that service's proposal as soon as it arrives, whatever it is worth, when the budget allows;
 * otherwise, and when nothing captured it, it behaves exactly like {@link RationalAssistant}. With
 * every susceptibility 0 (the default) it is resistant: the tactics change nothing.
 */
public final class SusceptibleAssistant extends InquiringAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "susceptible", List.of("inquiries", "patience", "susceptibility", SellerMemory.PARAM), params -> {
                int inquiries = SharedParams.inquiries(params);
                long patience = SharedParams.patience(params);
                Map<Tactic, Double> susceptibility = new EnumMap<>(Tactic.class);
                params.doubleMap("susceptibility", Tactic.labels()).forEach((label, p) -> {
                    if (!(p >= 0 && p <= 1)) {
                        throw new InvalidParameterException(
                                "susceptible",
                                "susceptibility",
                                "expected a probability in [0, 1] for '" + label + "', got " + p);
                    }
                    susceptibility.put(Tactic.parse(label), p);
                });
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new SusceptibleAssistant(inquiries, patience, susceptibility, SellerMemory.of(memory));
            });

    private final Map<Tactic, Double> susceptibility;
    private String captor;

    public SusceptibleAssistant(int inquiries, long patience, Map<Tactic, Double> susceptibility) {
        this(inquiries, patience, susceptibility, SellerMemory.none());
    }

    public SusceptibleAssistant(int inquiries, long patience, Map<Tactic, Double> susceptibility, SellerMemory memory) {
        super(inquiries, patience, memory);
        this.susceptibility = susceptibility.isEmpty() ? Map.of() : new EnumMap<>(susceptibility);
    }

    @Override
    void onNewRound() {
        captor = null;
    }

    @Override
    void onInquiry(ListingView listing, AgentContext context) {
        if (captor != null) {
            return;
        }
        for (Tactic tactic : Tactic.detect(listing.description())) {
            double p = susceptibility.getOrDefault(tactic, 0.0);
            if (p > 0 && context.random().nextDouble() < p) {
                captor = listing.service();
                return;
            }
        }
    }

    @Override
    Proposal onProposal(Proposal proposal) {
        return proposal.service().equals(captor) && affordable(proposal) ? proposal : null;
    }

    @Override
    Proposal choose(List<Proposal> candidates) {
        for (Proposal candidate : candidates) {
            if (candidate.service().equals(captor) && affordable(candidate)) {
                return candidate;
            }
        }
        return RationalAssistant.best(this, candidates);
    }
}
