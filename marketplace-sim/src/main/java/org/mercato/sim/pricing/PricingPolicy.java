package org.mercato.sim.pricing;

/** A firm's pricing rule. Choices are indices into its PriceGrid. One instance per firm and episode. */
public interface PricingPolicy {
    int choose(PricingView view);

    /**
     * After the period: the state and action it was priced in, own profit; view now shows the next
     * state. Returns whether this firm's greedy strategy (argmax over actions in {@code state})
     * changed; non-learners false.
     */
    boolean learn(PricingView view, int state, int action, double profit);

    /** How many past periods this policy wants to see (the engine retains the max over firms and k). */
    default int history() {
        return 0;
    }

    /** Short name for events and summaries, e.g. "q-learning". */
    String name();
}
