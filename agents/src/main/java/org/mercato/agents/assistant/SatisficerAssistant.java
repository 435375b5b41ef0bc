package org.mercato.agents.assistant;

import java.util.List;
import org.mercato.sim.protocol.Proposal;

/**
 * Asks the top {@code k} services and pays the first proposal that is acceptable: affordable with a
 * utility of at least {@code minUtility} cents. Speed beats quality for this shopper by design.
 */
public final class SatisficerAssistant extends InquiringAssistant {
    private final long minUtility;

    public SatisficerAssistant(int inquiries, long patience, long minUtility) {
        super(inquiries, patience);
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
