package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;

/**
 * The semantic mechanisms end to end on the paraphrase study at a small size: caches and threads
 * never change the event log, checking a scenario embeds nothing, and {@code mercato report} keeps
 * the embedding block it cannot recompute.
 */
class SemanticSearchRunTest {
    private static final Path STUDY = Path.of("search-paraphrase.yaml");

    @TempDir
    Path dir;

    private static Scenario study(String mechanism, String... more) {
        List<String> sets = new ArrayList<>(List.of(
                "market.generate.customers=60", "market.generate.services=32", "market.search.mechanism=" + mechanism));
        sets.addAll(List.of(more));
        return ScenarioValidator.load(STUDY, sets, PolicyRegistry.builtIn());
    }

    private RunResult run(Scenario scenario) throws IOException {
        return Mercato.writingTo(dir.resolve("runs")).run(scenario);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantic", "hybrid"})
    void theCachesAndTheThreadCountNeverChangeTheEventLog(String mechanism) throws IOException {
        RunResult defaults = run(study(mechanism));
        RunResult uncached =
                run(study(mechanism, "market.search.cacheSize=0", "market.search.semantic.memoryCache=false"));
        RunResult serial = run(study(mechanism, "kernel.parallelism=1", "market.search.semantic.threads=1"));
        RunResult parallel = run(study(mechanism, "kernel.parallelism=4", "market.search.semantic.threads=3"));

        byte[] events = Files.readAllBytes(defaults.eventLog());
        assertThat(Files.readAllBytes(uncached.eventLog())).isEqualTo(events);
        assertThat(Files.readAllBytes(serial.eventLog())).isEqualTo(events);
        assertThat(Files.readAllBytes(parallel.eventLog())).isEqualTo(events);
        RunSummary.EmbeddingInfo embedding = uncached.summary().search().embedding();
        assertThat(embedding.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embedding.dimensions()).isEqualTo(384);
        assertThat(embedding.services()).isEqualTo(32);
        assertThat(embedding.queries()).isPositive();
        assertThat(embedding.cost().memoryHits()).as("no memory cache").isZero();
        assertThat(uncached.summary().search().hits()).isZero();
        assertThat(defaults.summary().search().embedding())
                .usingRecursiveComparison()
                .ignoringFields("cost")
                .isEqualTo(embedding);
    }

    @org.junit.jupiter.api.Test
    void checkingAScenarioEmbedsNothingWhileTheRunFillsTheDiskCache() throws IOException {
        Path cache = dir.resolve("embeddings-cache");
        String[] sets = {"market.search.semantic.memoryCache=false", "market.search.semantic.diskCache=" + cache};

        Scenario scenario = study("hybrid", sets);
        assertThat(cache).as("validation wires the market without the model").doesNotExist();

        RunResult result = run(scenario);
        RunSummary.EmbeddingInfo embedding = result.summary().search().embedding();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".vec")).count())
                    .isEqualTo(embedding.services() + embedding.queries());
        }
        RunResult again = run(scenario);
        assertThat(again.summary().search().embedding().cost().diskHits())
                .isEqualTo(embedding.services() + embedding.queries());
        assertThat(again.summary().search().embedding().cost().computed()).isZero();
    }

    @org.junit.jupiter.api.Test
    void theReportKeepsTheEmbeddingBlock() throws IOException {
        RunResult result = run(study("semantic"));

        RunSummary recomputed = RunReport.recompute(result.folder());

        assertThat(recomputed.search()).isEqualTo(result.summary().search());
        assertThat(recomputed.search().embedding()).isNotNull();
        assertThat(recomputed.market()).isEqualTo(result.summary().market());
    }
}
