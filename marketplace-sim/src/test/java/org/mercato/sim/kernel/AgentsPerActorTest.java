package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kernel's choice of how many agents share an actor. */
class AgentsPerActorTest {
    @Test
    void agentsWhoseReactionsTakeWallTimeKeepAnActorEach() {
        assertThat(ActorDispatcher.agentsPerActor(1_100_000, 2, true)).isEqualTo(1);
    }

    @Test
    void aSmallMarketKeepsAnActorPerAgent() {
        assertThat(ActorDispatcher.agentsPerActor(11, 2, false)).isEqualTo(1);
        assertThat(ActorDispatcher.agentsPerActor(255, 1, false)).isEqualTo(1);
    }

    @Test
    void aLargeMarketSharesActorsSoEachThreadHasManyHostsOfAtMostTheLimit() {
        int perActor = ActorDispatcher.agentsPerActor(20_400, 2, false);
        assertThat(perActor).isEqualTo(79);
        assertThat(20_400 / perActor).isGreaterThanOrEqualTo(2 * 128);
        assertThat(ActorDispatcher.agentsPerActor(1_100_000, 2, false)).isEqualTo(ActorDispatcher.MAX_AGENTS_PER_HOST);
    }
}
