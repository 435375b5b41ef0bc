package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PricingEventReaderTest {
    static List<LoggedEvent> pricingEvents() {
        return List.of(
                new LoggedEvent(
                        0,
                        0,
                        new PricingBenchmarkEvent(
                                2,
                                List.of(2.0, 2.0),
                                List.of(1.0, 1.0),
                                0,
                                0.25,
                                List.of(1.472927, 1.472927),
                                List.of(0.222927, 0.222927),
                                List.of(1.924981, 1.924981),
                                List.of(0.337461, 0.337461),
                                List.of(1.43, 1.5, 2.0))),
                new LoggedEvent(
                        0, 1, new PricingBlockEvent(0, 0, 100_000, List.of(1.6, 1.7), List.of(0.25, 0.3), 0.67)),
                new LoggedEvent(
                        0, 2, new PricingEpisodeEvent(0, 850_000, true, List.of(1.8, 1.8), List.of(0.3, 0.3), 0.8)),
                new LoggedEvent(
                        0,
                        3,
                        new PricingImpulseEvent(
                                0, 0, List.of(List.of(1.8, 1.8), List.of(1.5, 1.8), List.of(1.7, 1.6)))),
                new LoggedEvent(
                        7,
                        4,
                        new PricingPeriodEvent(
                                3, List.of("s-1", "s-2"), List.of(150L, 199L), List.of(12L, 0L), List.of(600L, -5L))));
    }

    @Test
    void everyPricingEventReadsBackEqualAndRewritesToTheSameBytes() {
        EventReaderTest.assertReadBackEqualAndRewrittenTheSame(pricingEvents());
    }

    @Test
    void linesHaveTheDocumentedFieldsInOrder() {
        List<String> lines = pricingEvents().stream().map(EventReaderTest::line).toList();
        assertThat(lines.get(1))
                .isEqualTo("{\"t\":0,\"seq\":1,\"type\":\"pricing_block\",\"episode\":0,\"from\":0,\"to\":100000,"
                        + "\"prices\":[1.6,1.7],\"profits\":[0.25,0.3],\"epsilon\":0.67}");
        assertThat(lines.get(2))
                .isEqualTo("{\"t\":0,\"seq\":2,\"type\":\"pricing_episode\",\"episode\":0,\"periods\":850000,"
                        + "\"converged\":true,\"prices\":[1.8,1.8],\"profits\":[0.3,0.3],\"gain\":0.8}");
        assertThat(lines.get(3))
                .isEqualTo("{\"t\":0,\"seq\":3,\"type\":\"pricing_impulse\",\"episode\":0,\"deviator\":0,"
                        + "\"prices\":[[1.8,1.8],[1.5,1.8],[1.7,1.6]]}");
        assertThat(lines.get(4))
                .isEqualTo("{\"t\":7,\"seq\":4,\"type\":\"pricing_period\",\"period\":3,\"services\":[\"s-1\",\"s-2\"],"
                        + "\"prices\":[1.50,1.99],\"sales\":[12,0],\"profits\":[6.00,-0.05]}");
    }

    @Test
    void aMalformedPricingFieldIsNamed() {
        assertThatThrownBy(() -> EventReader.parse("{\"t\":0,\"seq\":3,\"type\":\"pricing_impulse\",\"episode\":0,"
                        + "\"deviator\":0,\"prices\":[[1.8,\"x\"]]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prices[0]");
        assertThatThrownBy(() -> EventReader.parse("{\"t\":0,\"seq\":3,\"type\":\"pricing_period\",\"period\":0,"
                        + "\"services\":[\"s\"],\"prices\":[1.001],\"sales\":[1],\"profits\":[0]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole cents");
    }
}
