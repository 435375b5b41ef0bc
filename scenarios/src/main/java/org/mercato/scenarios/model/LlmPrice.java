package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.mercato.sim.domain.Money;

/** A model's price per million input and output tokens (in the currency of the summary's costs). */
@JsonPropertyOrder({"input", "output"})
public record LlmPrice(
        @JsonDeserialize(using = MoneyInput.DoubleAmount.class)
        double input,

        @JsonDeserialize(using = MoneyInput.DoubleAmount.class)
        double output) {
    public LlmPrice {
        if (Money.problem(input) != null) {
            throw new IllegalArgumentException("input " + Money.problem(input));
        }
        if (Money.problem(output) != null) {
            throw new IllegalArgumentException("output " + Money.problem(output));
        }
    }
}
