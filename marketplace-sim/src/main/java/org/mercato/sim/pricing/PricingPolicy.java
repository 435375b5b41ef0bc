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

    /**
     * The price this firm plays without exploring and without learning, used for the converged play
     * and the impulse response; a policy that does not explore chooses it anyway.
     */
    default int greedy(PricingView view) {
        return choose(view);
    }

    /** The probability of exploring in a period (written in pricing_block); 0 for a policy that does not. */
    default double exploration(long period) {
        return 0;
    }
}
