package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.run.RunResult;

/** Record a run's model answers, then replay it: same bytes, no HTTP. */
class LlmReplayTest extends ScriptedServerTest {
    private RunResult run(String mode, Path folder, String extra) throws IOException {
        String cache = "cache: {mode: " + mode + ", folder: '" + folder + "'}" + extra;
        return LlmMarket.run(dir, LlmMarket.load(dir, LlmMarket.yaml(server, cache)));
    }

    @Test
    void aReplayWritesTheSameEventsWithoutAnyRequest() throws IOException {
        Path cache = dir.resolve("cache");
        RunResult recorded = run("record", cache, "");
        int requests = model.requests.get();
        long calls = recorded.summary().cost().httpCalls();
        assertThat(calls).isPositive();
        // requests sent ahead on wrong guesses are wasted, not recorded
        assertThat((long) requests)
                .isBetween(calls, calls + recorded.summary().cost().wastedCalls());
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize((int) calls);
        }

        RunResult replayed = run("replay", cache, "");
        RunResult strict = run("replay-strict", cache, "");

        assertThat(model.requests.get()).isEqualTo(requests);
        assertThat(Files.readAllBytes(replayed.eventLog())).isEqualTo(Files.readAllBytes(recorded.eventLog()));
        assertThat(Files.readAllBytes(strict.eventLog())).isEqualTo(Files.readAllBytes(recorded.eventLog()));
        assertThat(replayed.summary().cost().httpCalls()).isZero();
        assertThat(replayed.summary().cost().cachedCalls()).isEqualTo(calls);
        assertThat(replayed.summary().cost().money()).isZero();
    }

    @Test
    void theSamplingParametersArePartOfTheKey() throws IOException {
        Path cache = dir.resolve("cache");
        RunResult recorded = run("record", cache, "");
        int requests = model.requests.get();

        run("replay", cache, ", temperature: 0.5");

        // another temperature misses every recorded answer: each call goes over HTTP again
        assertThat(model.requests.get() - requests)
                .isEqualTo(recorded.summary().cost().httpCalls());
    }

    @Test
    void aMissInReplayStrictEndsTheAgentWithLlmError() throws IOException {
        RunResult result = run("replay-strict", dir.resolve("empty"), "");

        assertThat(model.requests.get()).isZero();
        assertThat(result.summary().cost().agentsEndedLlmError()).isEqualTo(3);
        assertThat(LlmMarket.events(result)).contains("\"agent\":\"c1\",\"reason\":\"llm-error\"");
    }
}
