package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A model's price per million input and output tokens (in the currency of the summary's costs). */
@JsonPropertyOrder({"input", "output"})
public record LlmPrice(double input, double output) {
    public LlmPrice {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }
}
