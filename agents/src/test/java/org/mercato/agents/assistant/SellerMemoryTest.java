package org.mercato.agents.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyParams;

class SellerMemoryTest {
    private static final SellerMemory.Rules RULES = new SellerMemory.Rules(0.8, 0.5, 0.5);

    @Test
    void theFirstDeliverySetsTheScoreAndLaterOnesAreWeightedByWeight() {
        SellerMemory memory = SellerMemory.of(RULES);
        assertThat(memory.score("s")).isEmpty();
        memory.delivered("s", 1.0);
        assertThat(memory.score("s")).hasValue(1.0);
        memory.delivered("s", 0.4);
        assertThat(memory.score("s").getAsDouble()).isCloseTo(0.7, within(1e-12));
        memory.delivered("s", 0.4);
        assertThat(memory.score("s").getAsDouble()).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void keepsTheBestSellerAtOrAboveKeepAndAvoidsThoseBelowAvoid() {
        SellerMemory memory = SellerMemory.of(RULES);
        memory.delivered("good", 0.9);
        memory.delivered("better", 1.0);
        memory.delivered("middling", 0.6);
        memory.delivered("bad", 0.3);
        assertThat(memory.favourite()).isEqualTo("better");
        assertThat(memory.avoids("bad")).isTrue();
        assertThat(memory.avoids("middling")).isFalse();
        assertThat(memory.avoids("unknown")).isFalse();

        memory.delivered("better", 0.2); // 0.6: no longer kept, not yet avoided
        assertThat(memory.favourite()).isEqualTo("good");
        assertThat(memory.avoids("better")).isFalse();
    }

    @Test
    void tiesGoToTheSmallerIdAndNoSellerAtKeepMeansNoFavourite() {
        SellerMemory memory = SellerMemory.of(RULES);
        memory.delivered("b", 0.79);
        assertThat(memory.favourite()).isNull();
        memory.delivered("z", 0.9);
        memory.delivered("a", 0.9);
        assertThat(memory.favourite()).isEqualTo("a");
    }

    @Test
    void noMemoryRemembersNothing() {
        SellerMemory memory = SellerMemory.none();
        memory.delivered("s", 1.0);
        memory.delivered("t", 0.0);
        assertThat(memory.isOn()).isFalse();
        assertThat(memory.score("s")).isEmpty();
        assertThat(memory.favourite()).isNull();
        assertThat(memory.avoids("t")).isFalse();
    }

    @Test
    void rulesComeFromTheMemoryParameterWithDefaultsAndAreAbsentWithoutIt() {
        assertThat(SellerMemory.Rules.from(PolicyParams.none("rational"))).isNull();
        assertThat(SellerMemory.Rules.from(new PolicyParams("rational", Map.of("memory", Map.of()))))
                .isEqualTo(SellerMemory.Rules.DEFAULTS);
        assertThat(SellerMemory.Rules.from(new PolicyParams("rational", Map.of("memory", Map.of("keep", 0.9)))))
                .isEqualTo(new SellerMemory.Rules(0.9, 0.5, 0.5));
    }

    @Test
    void badMemoryParametersNameTheKeyAndWhatWasExpected() {
        assertThatThrownBy(() -> rules(Map.of("keep", 1.5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter 'memory'")
                .hasMessageContaining("keep must lie in [0, 1], got 1.5");
        assertThatThrownBy(() -> rules(Map.of("avoid", -0.1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("avoid must lie in [0, 1], got -0.1");
        assertThatThrownBy(() -> rules(Map.of("keep", 0.4, "avoid", 0.6)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("avoid must be at most keep");
        assertThatThrownBy(() -> rules(Map.of("weight", 0)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("weight must lie in (0, 1]");
        assertThatThrownBy(() -> rules(Map.of("forget", 0.1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("unknown name 'forget'");
        assertThatThrownBy(() -> SellerMemory.Rules.from(new PolicyParams("rational", Map.of("memory", 3))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("expected a map");
    }

    private static SellerMemory.Rules rules(Map<String, ?> memory) {
        return SellerMemory.Rules.from(new PolicyParams("rational", Map.of("memory", memory)));
    }

    @Property
    void theScoreStaysBetweenTheLowestAndHighestQualityDelivered(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> qualities,
            @ForAll @DoubleRange(min = 0.01, max = 1) double weight) {
        SellerMemory memory = SellerMemory.of(new SellerMemory.Rules(0.8, 0.5, weight));
        qualities.forEach(q -> memory.delivered("s", q));
        double score = memory.score("s").getAsDouble();
        double min = qualities.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double max = qualities.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        assertThat(score).isBetween(min - 1e-12, max + 1e-12);
        if (weight == 1) {
            assertThat(score).isEqualTo(qualities.get(qualities.size() - 1));
        }
    }
}
