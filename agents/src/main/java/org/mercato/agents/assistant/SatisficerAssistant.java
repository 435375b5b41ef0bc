package org.mercato.agents.assistant;

import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.Proposal;

/**
 * Asks the top {@code k} services and pays the first proposal that is acceptable: affordable with a
 * utility of at least {@code minUtility} cents. Speed beats quality for this shopper by design.
 */
public final class SatisficerAssistant extends InquiringAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "satisficer", List.of("inquiries", "patience", "minUtility", SellerMemory.PARAM), params -> {
                int inquiries = SharedParams.inquiries(params);
                long patience = SharedParams.patience(params);
                long minUtility = params.money("minUtility", 0.01);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new SatisficerAssistant(inquiries, patience, minUtility, SellerMemory.of(memory));
            });

    private final long minUtility;

    public SatisficerAssistant(int inquiries, long patience, long minUtility) {
        this(inquiries, patience, minUtility, SellerMemory.none());
    }

    public SatisficerAssistant(int inquiries, long patience, long minUtility, SellerMemory memory) {
        super(inquiries, patience, memory);
        this.minUtility = minUtility;
    }

    private boolean acceptable(Proposal proposal) {
        return affordable(proposal) && utility(proposal) >= minUtility;
    }

    @Override
    Proposal onProposal(Proposal proposal) {
        return acceptable(proposal) ? proposal : null;
    }

    @Override
    Proposal choose(List<Proposal> candidates) {
        for (Proposal candidate : candidates) {
            if (acceptable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
