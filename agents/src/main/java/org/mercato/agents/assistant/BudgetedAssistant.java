package org.mercato.agents.assistant;

import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.Proposal;

/**
 * A shopper with a search budget: it reads at most {@code pages} results pages (pages 0 to {@code
 * pages - 1}, the next one only while it has asked fewer than {@code inquiries} services) and sends
 * at most {@code inquiries} inquiries in total, then decides like {@link RationalAssistant}: after
 * every answer (or its patience) it pays the affordable proposal with the highest positive utility.
 */
public final class BudgetedAssistant extends InquiringAssistant {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "budgeted", List.of("pages", "inquiries", "patience", SellerMemory.PARAM), params -> {
                int pages = params.positiveInt("pages", 1);
                int inquiries = SharedParams.inquiries(params);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new BudgetedAssistant(pages, inquiries, patience, SellerMemory.of(memory));
            });

    public BudgetedAssistant(int pages, int inquiries, long patience) {
        this(pages, inquiries, patience, SellerMemory.none());
    }

    public BudgetedAssistant(int pages, int inquiries, long patience, SellerMemory memory) {
        super(inquiries, pages, patience, memory);
    }

    @Override
    Proposal onProposal(Proposal proposal) {
        return null;
    }

    @Override
    Proposal choose(List<Proposal> candidates) {
        return RationalAssistant.best(this, candidates);
    }
}
