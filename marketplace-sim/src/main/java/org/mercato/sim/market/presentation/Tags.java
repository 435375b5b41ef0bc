package org.mercato.sim.market.presentation;

/** The badges a randomized page can put on a listing, as they appear in views and events. */
public final class Tags {
    public static final String SPONSORED = "sponsored";
    public static final String OVERALL_PICK = "overall-pick";
    /** Followed by the number claimed left, for example {@code scarcity:3} ("Only 3 left"). */
    public static final String SCARCITY_PREFIX = "scarcity:";

    private Tags() {}

    public static String scarcity(int left) {
        return SCARCITY_PREFIX + left;
    }
}
