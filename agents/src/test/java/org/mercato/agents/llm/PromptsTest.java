package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PromptsTest {
    /** Prices in prompts read as decimals with two places, whatever the sign. */
    @Property
    void moneyIsTheCentsAsADecimalWithTwoPlaces(@ForAll long cents) {
        assertThat(Prompts.money(cents))
                .isEqualTo(BigDecimal.valueOf(cents).movePointLeft(2).toPlainString());
    }
}
