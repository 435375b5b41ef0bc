package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/** The external policies on a real desk, the outside agent played by the test thread. */
class ExternalPoliciesTest {
    private final TurnDesk desk = new TurnDesk();

    private ExternalTurns group(ExternalGroup.Role role, String agent, Duration timeout) {
        ExternalGroup group = new ExternalGroup("g-" + agent, role, List.of(agent), "token-" + agent, timeout);
        desk.register(group);
        return new ExternalTurns(desk, group, TurnRecording.off());
    }

    private static AgentContext at(String self, long now) {
        return AgentContext.of(self, now, new SplittableRandom(1));
    }

    /** Runs {@code call} on another thread (the kernel's), answers its turn with {@code actions}, returns its result. */
    private <T> T answered(ExternalTurns turns, Supplier<T> call, String actions) throws Exception {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call);
        List<Turn> open = desk.poll(turns.group(), Optional.empty(), Duration.ofSeconds(5));
        assertThat(open).hasSize(1);
        assertThat(desk.answer(open.get(0).agent(), open.get(0).number(), TurnDeskTest.json(actions)))
                .isEqualTo(new Answer.Accepted());
        return result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPayWithoutAmountPaysTheProposalAsReceivedAndWaitSecondsCountFromTheTurn() throws Exception {
        ExternalTurns turns = group(ExternalGroup.Role.ASSISTANT, "c1", Duration.ofSeconds(5));
        ExternalAssistantPolicy policy = new ExternalAssistantPolicy(turns);
        Proposal proposal = new Proposal("s1-p1", "s1", "c1", List.of(new OrderLine("taco", 2, 450)), 900, 10, 99);

        assertThat(answered(
                        turns,
                        () -> policy.onObservation(new ProposalReceived(proposal), at("c1", 2_000_000)),
                        "[{\"type\":\"wait\",\"seconds\":3}]"))
                .containsExactly(new Wait(5_000_000));
        assertThat(answered(
                        turns,
                        () -> policy.onObservation(new WokenUp(5_000_000), at("c1", 5_000_000)),
                        "[{\"type\":\"pay\",\"proposalId\":\"s1-p1\"},{\"type\":\"done\",\"reason\":\"bought\"}]"))
                .containsExactly(new Pay("s1-p1", 900), new Done("bought"));
        // done: nothing more is asked of the agent
        assertThat(policy.onObservation(new WokenUp(6_000_000), at("c1", 6_000_000)))
                .isEmpty();
    }

    @Test
    void anAssistantThatDoesNotAnswerIsDoneWithExternalTimeout() {
        ExternalAssistantPolicy policy =
                new ExternalAssistantPolicy(group(ExternalGroup.Role.ASSISTANT, "c2", Duration.ofMillis(50)));

        assertThat(policy.onObservation(new WokenUp(1), at("c2", 1))).containsExactly(new Done("external-timeout"));
        assertThat(policy.onObservation(new WokenUp(2), at("c2", 2))).isEmpty();
    }

    @Test
    void aServiceWhoseAgentTimesOutTellsTheNextCustomerOnceAndFallsSilent() {
        ExternalServicePolicy policy =
                new ExternalServicePolicy(group(ExternalGroup.Role.SERVICE, "s9", Duration.ofMillis(50)));
        Service service = Service.of("s9", Map.of("taco", 450L), java.util.Set.of(), 4, 3);

        // its start has no customer to tell
        assertThat(policy.onObservation(new ServiceStarted(service), at("s9", 0)))
                .isEmpty();
        MessageReceived ana = new MessageReceived("c1", "tacos?", new TreeMap<>());
        assertThat(policy.onObservation(ana, at("s9", 10))).containsExactly(new Reply("c1", "external-timeout"));
        assertThat(policy.onObservation(new MessageReceived("c2", "hi", new TreeMap<>()), at("s9", 20)))
                .isEmpty();
    }

    @Test
    void aServiceWhoseProcessIsGoneAnswersThatCustomerWithExternalGone() {
        ExternalTurns turns = group(ExternalGroup.Role.SERVICE, "s8", Duration.ofSeconds(5));
        desk.gone(turns.group(), "exited with code 2");
        ExternalServicePolicy policy = new ExternalServicePolicy(turns);

        assertThat(policy.onObservation(new MessageReceived("c1", "tacos?", new TreeMap<>()), at("s8", 10)))
                .containsExactly(new Reply("c1", "external-gone"));
    }
}
