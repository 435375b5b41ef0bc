package org.mercato.agents.assistant;

import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.Proposal;

/**
 * Asks the top {@code k} services, waits for all of them (or its patience), then pays the proposal
 * with the highest utility if that utility is positive. Ties go to the earlier proposal.
 */
public final class RationalAssistant extends InquiringAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY =
            PolicyEntry.behavioural("rational", List.of("inquiries", "patience", SellerMemory.PARAM), params -> {
                int inquiries = SharedParams.inquiries(params);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new RationalAssistant(inquiries, patience, SellerMemory.of(memory));
            });

    public RationalAssistant(int inquiries, long patience) {
        super(inquiries, patience);
    }

    public RationalAssistant(int inquiries, long patience, SellerMemory memory) {
        super(inquiries, patience, memory);
    }

    @Override
    Proposal onProposal(Proposal proposal) {
        return null;
    }

    @Override
    Proposal choose(List<Proposal> candidates) {
        return best(this, candidates);
    }

    /** The affordable candidate with the highest positive utility, the earliest on ties; or null. */
    static Proposal best(InquiringAssistant shopper, List<Proposal> candidates) {
        Proposal best = null;
        long bestUtility = 0;
        for (Proposal candidate : candidates) {
            long utility = shopper.utility(candidate);
            if (utility > bestUtility && shopper.affordable(candidate)) {
                best = candidate;
                bestUtility = utility;
            }
        }
        return best;
    }
}
