package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mercato.agents.PolicyRegistry;
import org.mercato.gateway.turns.Answer;
import org.mercato.metrics.FailureFold;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.LoggedEvent;

/** External shoppers in small markets, driven on the real desk by threads of this JVM. */
class ExternalAgentsRunTest {
    static final ScriptedShopper.Script SCRIPT = new ScriptedShopper.Script(2, 5, false, false);

    static DeskDriver driver(
            ExternalFeature feature, java.util.function.Predicate<org.mercato.gateway.turns.Turn> silent) {
        return new DeskDriver(
                feature.desk(),
                feature.groups().get(0).group(),
                agent -> DeskDriver.shopper(new ScriptedShopper(SCRIPT)),
                silent);
    }

    /** Each agent's done reason, by agent. */
    static Map<String, String> doneReasons(String events) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (LoggedEvent logged : read(events)) {
            if (logged.event() instanceof DoneEvent done) {
                out.put(done.agent(), done.reason());
            }
        }
        return out;
    }

    static List<LoggedEvent> read(String events) {
        return events.lines().map(EventReader::parse).toList();
    }

    /** Failed agents by reason, counted as the run's summary counts them. */
    static Map<String, Long> failures(String events) throws Exception {
        FailureFold fold = new FailureFold();
        read(events).forEach(fold::accept);
        return fold.byReason();
    }

    @Test
    void aHungAgentEndsWithExternalTimeoutAndTheOthersGoOn() throws Exception {
        AtomicReference<ExternalFeature> wired = new AtomicReference<>();
        String events = ExternalRuns.events(
                ExternalRuns.market(3, ExternalFeature.POLICY, 3, 6, ExternalRuns.external("300ms", null, null)),
                PolicyRegistry.builtIn(),
                feature -> {
                    wired.set(feature);
                    return List.of(driver(feature, turn -> turn.agent().equals("customer_0002") && turn.number() == 1));
                });

        Map<String, String> reasons = doneReasons(events);
        assertThat(reasons).containsEntry("customer_0002", "external-timeout");
        assertThat(reasons).containsKeys("customer_0001", "customer_0003", "customer_0004", "customer_0005");
        assertThat(reasons.get("customer_0001")).isNotEqualTo("external-timeout");
        assertThat(failures(events)).containsExactly(Map.entry("external-timeout", 1L));
        // the summary's cause, as the feature explains it
        assertThat(wired.get().failureCauses())
                .containsExactly(Map.entry("external-timeout: group assistants-0 gave no answer within 300ms", 1L));
    }

    @Test
    void aGoneProcessEndsItsAgentsWithExternalGoneAndTheMarketGoesOn() throws Exception {
        AtomicReference<ExternalFeature> wired = new AtomicReference<>();
        String events = ExternalRuns.events(
                ExternalRuns.market(3, ExternalFeature.POLICY, 3, 6, null), PolicyRegistry.builtIn(), feature -> {
                    wired.set(feature);
                    feature.desk().gone(feature.groups().get(0).group(), "exited with code 1");
                    return List.of();
                });

        assertThat(doneReasons(events))
                .containsEntry("customer_0001", "external-gone")
                .containsEntry("customer_0002", "external-gone")
                .containsEntry("customer_0003", "external-gone")
                .containsKeys("customer_0004", "customer_0005");
        assertThat(failures(events)).containsExactly(Map.entry("external-gone", 3L));
        assertThat(wired.get().failureCauses())
                .containsExactly(Map.entry("external-gone: group assistants-0 exited with code 1", 3L));
    }

    @Test
    void invalidAnswersAreRefusedWithAClearMessageAndChangeNothing() throws Exception {
        String clean = ExternalRuns.events(
                ExternalRuns.market(5, ExternalFeature.POLICY, 2, 6, null),
                PolicyRegistry.builtIn(),
                feature -> List.of(driver(feature, turn -> false)));
        List<Answer> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        String retried = ExternalRuns.events(
                ExternalRuns.market(5, ExternalFeature.POLICY, 2, 6, null),
                PolicyRegistry.builtIn(),
                feature -> List.of(driver(feature, turn -> {
                    // garbage first: the turn stays open, and the driver answers it properly after
                    refused.add(
                            feature.desk().answer(turn.agent(), turn.number(), TurnJson.parse("[{\"type\":\"pay\"}]")));
                    refused.add(feature.desk().answer(turn.agent(), turn.number() + 5, TurnJson.parse("[]")));
                    return false;
                })));

        assertThat(retried).isEqualTo(clean);
        assertThat(refused).contains(new Answer.Invalid("actions[0]: pay needs \"proposalId\" (a string)"));
        assertThat(refused)
                .anyMatch(a -> a instanceof Answer.NotOpen n && n.why().contains("is not open"));
    }
}
