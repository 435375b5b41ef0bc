package org.mercato.sim.protocol;

import java.util.Objects;

/**
 * The text of the customer's review of a delivered order: accepted once per review the market drew
 * for that order when it asked for a text ({@link OrderDelivered#reviewText()}), also after the
 * visit; otherwise refused as {@code unknown_proposal}.
 */
public record WriteReview(String proposal, String text) implements AssistantAction {
    /** The longest text taken; longer texts are cut. */
    public static final int MAX_TEXT = 2_000;

    public WriteReview {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(text, "text");
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    @Override
    public String kind() {
        return "write_review";
    }
}
