package org.mercato.sim.protocol;

import java.util.Locale;

/** Why the market refused an action. Each rejection is logged with one of these. */
public enum RejectionReason {
    UNKNOWN_PROPOSAL,
    NOT_ADDRESSED_TO_YOU,
    WRONG_AMOUNT,
    INSUFFICIENT_FUNDS,
    ALREADY_PAID,
    ALREADY_DECLINED,
    EXPIRED,
    UNKNOWN_RECIPIENT,
    NO_CONVERSATION,
    INVALID_PROPOSAL,
    AGENT_DONE,
    SOLD_OUT;

    /** The lower-case name used in events and summaries, e.g. {@code wrong_amount}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
