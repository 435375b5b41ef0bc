package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;

/** A policy's {@code context.seq()} names the logged event behind its observation, in every kernel. */
class ObservationSeqTest {
    private record Seen(String agent, long seq, Object observation) {}

    @ParameterizedTest
    @CsvSource({"BARE, false, 1", "BARE, true, 1", "ACTORS, false, 4", "ACTORS, true, 4"})
    void theSeqOfAnObservationIsTheEventThatCausedIt(Mode mode, boolean rolling, int parallelism) {
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        AssistantPolicy shopper = (observation, context) -> {
            seen.add(new Seen(context.self(), context.seq(), observation));
            if (observation instanceof AssistantStarted) {
                return List.of(Message.inquiry("s" + context.random().nextInt(3), "hi", Map.of()));
            }
            return List.of();
        };
        ServicePolicy seller = (observation, context) -> {
            seen.add(new Seen(context.self(), context.seq(), observation));
            if (observation instanceof MessageReceived m) {
                return List.of(
                        new Propose(m.from(), List.of(new OrderLine("pizza", 1, 1200)), 1200, context.now() + 20_000));
            }
            return List.of();
        };
        KernelSettings kernel =
                Sims.settings(mode, 700, 1_000_000).withRolling(rolling).withParallelism(parallelism);
        Sims.Outcome outcome = Sims.run(Sims.setup(
                Sims.catalog(6, 3),
                Sims.all(6, shopper, new ThinkTime.Uniform(500, 4_000)),
                Sims.all(3, seller, new ThinkTime.Uniform(200, 1_000)),
                kernel));

        Map<Long, LoggedEvent> bySeq = new TreeMap<>();
        outcome.events().forEach(e -> bySeq.put(e.seq(), e));
        int messages = 0;
        int proposals = 0;
        for (Seen s : seen) {
            if (s.observation() instanceof MessageReceived m) {
                LoggedEvent behind = bySeq.get(s.seq());
                assertThat(behind.event()).isEqualTo(new MessageEvent(m.from(), s.agent(), m.text(), m.items()));
                messages++;
            } else if (s.observation() instanceof ProposalReceived p) {
                assertThat(bySeq.get(s.seq()).event()).isEqualTo(new ProposalEvent(p.proposal()));
                proposals++;
            } else if (s.observation() instanceof AssistantStarted) {
                assertThat(s.seq()).isLessThan(outcome.events().size());
            }
        }
        assertThat(messages).isEqualTo(6);
        assertThat(proposals).isEqualTo(6);
    }
}
