package org.mercato.sim.pricing;

/** After convergence, firm {@code deviator} plays its static best response for one period, then all play greedily. */
public record Impulse(int deviator, int periods) {
    public Impulse {
        if (deviator < 0 || periods < 0) {
            throw new IllegalArgumentException("impulse deviator and periods must not be negative");
        }
    }
}
