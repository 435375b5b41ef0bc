package org.mercato.sim.market.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServiceQualityTest {
    @Test
    void aStepScheduleHoldsEachValueFromItsTimeOn() {
        ServiceQuality quality = new ServiceQuality(
                0.9,
                new TreeMap<>(Map.of(
                        2, List.of(new ServiceQuality.Step(100, 0.5), new ServiceQuality.Step(300, 0.2)),
                        0, List.of(new ServiceQuality.Step(0, 0.4), new ServiceQuality.Step(300, 1.0)))));
        assertThat(quality.at(1, 0)).isEqualTo(0.9);
        assertThat(quality.at(2, 99)).isEqualTo(0.9);
        assertThat(quality.at(2, 100)).isEqualTo(0.5);
        assertThat(quality.at(2, 300)).isEqualTo(0.2);
        assertThat(quality.at(0, 0)).isEqualTo(0.4);
        assertThat(quality.at(0, 1_000)).isEqualTo(1.0);
        assertThat(quality.changeTimes()).containsExactly(100L, 300L);
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(() -> ServiceQuality.constant(1.2, Map.of()))
                .hasMessage("quality must be within [0, 1], was 1.2");
        assertThatThrownBy(() -> new ServiceQuality(
                        1,
                        new TreeMap<>(
                                Map.of(0, List.of(new ServiceQuality.Step(5, 1), new ServiceQuality.Step(5, 0))))))
                .hasMessage("quality steps of service 0 must be in increasing time order");
    }

    @Test
    void recurringDynamicsNeedAHorizon() {
        assertThatThrownBy(() -> new MarketDynamics(null, 10, 0, null, 0, null, null, null, null))
                .hasMessage("periods, return visits and restocking need a horizon");
        assertThatThrownBy(() -> new MarketDynamics(null, 0, 10, null, 0, null, null, new Restock(0, 1), null))
                .hasMessage("restocking needs an interval or periods");
        assertThat(new MarketDynamics(null, 7, 10, null, 0, null, null, new Restock(0, 1), null).restockEvery())
                .isEqualTo(7);
        assertThat(new MarketDynamics(null, 0, 0, null, 5, null, null, null, null).quality())
                .isEqualTo(ServiceQuality.FULL);
    }
}
