package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mercato.sim.KernelSettings;

/** The kernel's choice of how many agents share an actor. */
class AgentsPerActorTest {
    @Test
    void agentsWhoseReactionsBlockTheirThreadKeepAnActorEachUnlessTheGroupingIsFixed() {
        KernelSettings blocking = KernelSettings.defaults(7).forBlockingAgents();
        assertThat(blocking.rolling()).isTrue();
        assertThat(blocking.agentsPerActor()).isEqualTo(1);
        assertThat(KernelSettings.defaults(7)
                        .withAgentsPerActor(5)
                        .forBlockingAgents()
                        .agentsPerActor())
                .isEqualTo(5);
    }

    @Test
    void aSmallMarketKeepsAnActorPerAgent() {
        assertThat(ActorDispatcher.agentsPerActor(11, 2)).isEqualTo(1);
        assertThat(ActorDispatcher.agentsPerActor(255, 1)).isEqualTo(1);
    }

    @Test
    void aLargeMarketSharesActorsSoEachThreadHasManyHostsOfAtMostTheLimit() {
        int perActor = ActorDispatcher.agentsPerActor(20_400, 2);
        assertThat(perActor).isEqualTo(79);
        assertThat(20_400 / perActor).isGreaterThanOrEqualTo(2 * 128);
        assertThat(ActorDispatcher.agentsPerActor(1_100_000, 2)).isEqualTo(ActorDispatcher.MAX_AGENTS_PER_HOST);
    }
}
