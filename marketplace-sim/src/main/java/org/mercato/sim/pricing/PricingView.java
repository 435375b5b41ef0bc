package org.mercato.sim.pricing;

/** What one firm may see when it sets a price. Owned and reused by the engine; valid during the call only. */
public interface PricingView {
    /** The period about to be priced (0 first). */
    long period();

    /** This firm's index. */
    int firm();

    PricingGame game();

    /** The encoded last-k price profile (0 until k periods exist). */
    int state();

    /** How many past periods price/quantity/profit can show (at most what the engine retains). */
    int history();

    /** The grid index any firm posted {@code lag} periods ago (lag >= 1). */
    int action(int firm, int lag);

    double price(int firm, int lag);

    /** Own quantity (share under logit demand, units sold under agent demand). */
    double quantity(int lag);

    /** Own profit in that period. */
    double profit(int lag);
}
