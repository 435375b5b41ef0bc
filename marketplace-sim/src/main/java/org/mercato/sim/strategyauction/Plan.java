package org.mercato.sim.strategyauction;

import java.util.Objects;

/**
 * A short strategy plan: its text, its length in tokens, its mean token entropy, and {@code
 * quality} in [0, 1], the bidder's latent competence for this plan, which a behavioural jury
 * scores and behavioural execution succeeds with (a model-backed jury ignores it).
 */
public record Plan(String text, int tokens, double entropy, double quality) {
    public Plan {
        Objects.requireNonNull(text, "text");
        if (tokens < 1) {
            throw new IllegalArgumentException("a plan has at least one token, was " + tokens);
        }
        if (!(entropy >= 0) || Double.isInfinite(entropy)) {
            throw new IllegalArgumentException("entropy must be finite and >= 0, was " + entropy);
        }
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must be within [0, 1], was " + quality);
        }
    }
}
