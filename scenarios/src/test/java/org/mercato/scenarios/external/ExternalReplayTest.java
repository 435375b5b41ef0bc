package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.gateway.turns.ExternalTurns;
import org.mercato.scenarios.model.ExternalConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;
import org.slf4j.LoggerFactory;

/** Recorded turns replay the run byte for byte with no outside agent; replay-strict names the first turn that differs. */
class ExternalReplayTest {
    @TempDir
    Path dir;

    private Scenario market(int services, String mode) {
        ExternalConfig external =
                ExternalRuns.external("2s", mode, dir.resolve("turns").toString());
        return ExternalRuns.market(7, ExternalFeature.POLICY, 3, services, external);
    }

    private String recorded(int services) throws Exception {
        return ExternalRuns.events(
                market(services, "record"),
                PolicyRegistry.builtIn(),
                feature -> List.of(ExternalAgentsRunTest.driver(feature, turn -> false)));
    }

    @Test
    void aRecordedRunReplaysByteIdenticalWithoutItsAgent() throws Exception {
        String recorded = recorded(6);
        Path file = dir.resolve("turns").resolve("assistants-0").resolve("customer_0001.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).matches("\\{\"turn\":0,\"observations\":\"[0-9a-f]{64}\",\"actions\":\\[.*]}");
        assertThat(dir.resolve("turns").resolve("assistants-0"))
                .isDirectoryContaining(p -> p.toString().endsWith("customer_0003.jsonl"));

        // no driver: an open turn would time out and the logs would differ
        String replayed = ExternalRuns.events(market(6, "replay"), PolicyRegistry.builtIn(), feature -> List.of());
        String strict = ExternalRuns.events(market(6, "replay-strict"), PolicyRegistry.builtIn(), feature -> List.of());

        assertThat(replayed).isEqualTo(recorded);
        assertThat(strict).isEqualTo(recorded);
        assertThat(ExternalAgentsRunTest.failures(strict)).isEmpty();
        assertThat(Files.readAllLines(file)).isEqualTo(lines); // replaying rewrote nothing
    }

    @Test
    void aTurnTheAgentNeverAnsweredReplaysAsTheSameTimeout() throws Exception {
        String recorded = ExternalRuns.events(
                market(6, "record"),
                PolicyRegistry.builtIn(),
                feature -> List.of(ExternalAgentsRunTest.driver(
                        feature, turn -> turn.agent().equals("customer_0002") && turn.number() == 1)));
        assertThat(ExternalAgentsRunTest.doneReasons(recorded)).containsEntry("customer_0002", "external-timeout");

        String strict = ExternalRuns.events(market(6, "replay-strict"), PolicyRegistry.builtIn(), feature -> List.of());

        assertThat(strict).isEqualTo(recorded);
        assertThat(Files.readAllLines(
                        dir.resolve("turns").resolve("assistants-0").resolve("customer_0002.jsonl")))
                .last()
                .asString()
                .endsWith(",\"actions\":[],\"ended\":\"external-timeout\"}");
    }

    @Test
    void replayStrictInAChangedMarketFailsTheAgentNamingItAndTheTurn() throws Exception {
        recorded(6);
        AtomicReference<ExternalFeature> wired = new AtomicReference<>();
        Logger turns = (Logger) LoggerFactory.getLogger(ExternalTurns.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        turns.addAppender(logs);
        String changed;
        try {
            // one service fewer: the search results every shopper sees at its turn 1 differ
            changed = ExternalRuns.events(market(5, "replay-strict"), PolicyRegistry.builtIn(), feature -> {
                wired.set(feature);
                return List.of();
            });
        } finally {
            turns.detachAppender(logs);
        }

        Map<String, String> reasons = ExternalAgentsRunTest.doneReasons(changed);
        assertThat(reasons)
                .containsEntry("customer_0001", "external-replay-mismatch")
                .containsEntry("customer_0002", "external-replay-mismatch")
                .containsEntry("customer_0003", "external-replay-mismatch");
        assertThat(ExternalAgentsRunTest.failures(changed)).containsExactly(Map.entry("external-replay-mismatch", 3L));
        assertThat(wired.get().failureCauses())
                .containsExactly(
                        Map.entry("external-replay-mismatch: group assistants-0, first customer_0001 turn 1", 3L));
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("replay-strict: agent customer_0001 (group assistants-0) turn 1: it saw other observations"
                        + " than when recorded; it ends with external-replay-mismatch");
    }
}
