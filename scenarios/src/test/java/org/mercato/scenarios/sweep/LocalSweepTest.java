package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioException;

class LocalSweepTest {
    @TempDir
    static Path dir;

    static SweepPlan plan;
    static Path full;

    @BeforeAll
    static void runTheWholeSweepOnce() throws Exception {
        Path file = SweepFixtures.scenarioWithSweep(dir, SweepFixtures.GRID);
        plan = SweepPlan.of(SweepSpec.load(file), PolicyRegistry.builtIn(), CodeVersion.current());
        full = dir.resolve("full/sweep.duckdb");
        SweepRun.Outcome outcome = run(plan, full, false, PolicyRegistry.builtIn());
        assertThat(outcome).isEqualTo(new SweepRun.Outcome(12, 0, 12, 0, 0));
    }

    static SweepRun.Outcome run(SweepPlan plan, Path db, boolean retry, PolicyRegistry registry) throws Exception {
        return SweepRun.run(
                plan,
                db,
                retry,
                new LocalExecutor(new CellRunner(registry, null, "test"), 2, SweepListener.NONE),
                SweepListener.NONE);
    }

    static Map<String, Map<String, Double>> metrics(Path db) {
        try (SweepStore store = SweepStore.open(db)) {
            return store.metrics();
        }
    }

    @Test
    void everyCellIsStoredOnceWithItsMetricsAndReplicatesShareSeeds() {
        try (SweepStore store = SweepStore.open(full)) {
            assertThat(store.cellRowsAndIds()).containsExactly(12, 12);
            List<SweepStore.StoredCell> cells = store.cells();
            assertThat(cells).allSatisfy(c -> assertThat(c.ok()).isTrue());
            assertThat(cells.stream()
                            .map(SweepStore.StoredCell::seed)
                            .distinct()
                            .sorted())
                    .containsExactly(7L, 8L, 9L);
            assertThat(store.metrics().values())
                    .allSatisfy(m -> assertThat(m)
                            .containsKeys("market.welfare.total", "market.payments.count")
                            .doesNotContainKey("wallTimeMillis"));
            assertThat(store.facts()).containsEntry("design", "grid").containsKey("code_version");
        }
    }

    @Test
    void cellIdsDependOnTheResolvedScenarioSeedAndCodeVersion() {
        Set<String> ids = new HashSet<>();
        plan.cells().forEach(c -> ids.add(c.id()));
        assertThat(ids).hasSize(12);
        Cell first = plan.cells().get(0);
        assertThat(CellIds.of(first.scenario(), plan.codeVersion())).isEqualTo(first.id());
        assertThat(CellIds.of(first.scenario(), plan.codeVersion() + "x")).isNotEqualTo(first.id());
        assertThat(first.scenario().agents().assistants().get(0).params()).containsEntry("inquiries", 1);
        assertThat(first.scenario().market().search().mechanism()).isEqualTo("simple");
        assertThat(first.scenario().sweep()).isNull();
    }

    @Test
    void aRerunReusesEveryFinishedCell() throws Exception {
        Path copy = dir.resolve("rerun/sweep.duckdb");
        Files.createDirectories(copy.getParent());
        Files.copy(full, copy);
        assertThat(run(plan, copy, false, PolicyRegistry.builtIn())).isEqualTo(new SweepRun.Outcome(12, 12, 0, 0, 0));
        assertThat(metrics(copy)).isEqualTo(metrics(full));
    }

    @Test
    void shardsMergedEqualTheWholeSweep() throws Exception {
        Path shards = dir.resolve("shards");
        for (int i = 0; i < 3; i++) {
            SweepPlan shard = plan.shard(i, 3);
            assertThat(shard.cells()).hasSize(4);
            run(shard, shards.resolve("sweep-shard-" + i + "-of-3.duckdb"), false, PolicyRegistry.builtIn());
        }
        Path merged = shards.resolve("sweep.duckdb");
        try (SweepStore store = SweepStore.open(merged)) {
            int taken = 0;
            for (int i = 0; i < 3; i++) {
                taken += store.mergeFrom(shards.resolve("sweep-shard-" + i + "-of-3.duckdb"));
            }
            assertThat(taken).isEqualTo(12);
            // merging again takes nothing: a cell is in the sweep once
            assertThat(store.mergeFrom(shards.resolve("sweep-shard-0-of-3.duckdb")))
                    .isZero();
            assertThat(store.cellRowsAndIds()).containsExactly(12, 12);
        }
        assertThat(metrics(merged)).isEqualTo(metrics(full));
    }

    @Test
    void aFailingCellIsRecordedAndRetriedOnlyWhenAsked() throws Exception {
        Path file = dir.resolve("flaky/tiny.yaml");
        Files.createDirectories(file.getParent());
        SweepFixtures.scenarioWithSweep(
                file.getParent(),
                "design: grid\nfactors:\n  agents.assistants[0].policy: [rational, flaky]\nreplicates: 2");
        AtomicBoolean broken = new AtomicBoolean(true);
        PolicyRegistry registry = SweepFixtures.registry(broken);
        SweepPlan flaky = SweepPlan.of(SweepSpec.load(file), registry, CodeVersion.current());
        Path db = file.resolveSibling("sweep.duckdb");

        assertThat(run(flaky, db, false, registry)).isEqualTo(new SweepRun.Outcome(4, 0, 4, 2, 0));
        try (SweepStore store = SweepStore.open(db)) {
            assertThat(store.cells().stream().filter(c -> !c.ok()))
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c.error()).contains("the flaky policy is broken today"));
        }
        // without --retry-failed the failed cells stay failed
        assertThat(run(flaky, db, false, registry)).isEqualTo(new SweepRun.Outcome(4, 2, 0, 0, 2));
        broken.set(false);
        assertThat(run(flaky, db, true, registry)).isEqualTo(new SweepRun.Outcome(4, 2, 2, 0, 0));
        try (SweepStore store = SweepStore.open(db)) {
            assertThat(store.cells())
                    .hasSize(4)
                    .allSatisfy(c -> assertThat(c.ok()).isTrue());
            assertThat(store.cellRowsAndIds()).containsExactly(4, 4);
        }
    }

    @Test
    void theAnalysisPairsCellsBySeedAndWritesTheReportAndExports() throws Exception {
        Path folder = dir.resolve("analysis");
        Path db = folder.resolve("sweep.duckdb");
        Files.createDirectories(folder);
        Files.copy(full, db);
        try (SweepStore store = SweepStore.open(db)) {
            SweepAnalysis a = SweepAnalysis.of(
                    store.cells(),
                    store.metrics(),
                    List.of("agents.assistants[0].params.inquiries", "market.search.mechanism"));
            assertThat(a.levelsOf("agents.assistants[0].params.inquiries")).containsExactly("1", "3");
            // each factor level holds 2 points x 3 replicates; each paired difference 6 pairs
            assertThat(a.levels())
                    .filteredOn(s -> s.metric().equals("market.welfare.total"))
                    .hasSize(4)
                    .allSatisfy(s -> assertThat(s.interval().n()).isEqualTo(6));
            assertThat(a.pairs())
                    .filteredOn(p -> p.metric().equals("market.welfare.total"))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.interval().n()).isEqualTo(6));
            SweepAnalysis.PairedDiff d = a.pairs().stream()
                    .filter(p -> p.metric().equals("market.welfare.total")
                            && p.factor().equals("market.search.mechanism"))
                    .findFirst()
                    .orElseThrow();
            assertThat(d.level()).isEqualTo("lexical");
            assertThat(d.baseline()).isEqualTo("simple");
            assertThat(d.interval().mean())
                    .isCloseTo(expectedPairedMean(store), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(a.points())
                    .filteredOn(p -> p.metric().equals("market.welfare.total"))
                    .hasSize(4);

            Path report = SweepResults.write(store, folder, null).report();
            String html = Files.readString(report);
            assertThat(html)
                    .contains("market.search.mechanism", "<svg", "Paired differences against simple")
                    .doesNotContain("http://", "https://");
            for (String table : SweepResults.TABLES) {
                assertThat(folder.resolve("export/" + table + ".csv")).isNotEmptyFile();
                assertThat(folder.resolve("export/" + table + ".parquet")).isNotEmptyFile();
            }
            assertThat(Files.readAllLines(folder.resolve("export/cells.csv"))).hasSize(13);
        }
    }

    /** The mean of lexical minus simple welfare over cells with equal inquiries and seed, computed plainly. */
    private static double expectedPairedMean(SweepStore store) {
        Map<String, Map<String, Double>> m = store.metrics();
        double sum = 0;
        int n = 0;
        for (SweepStore.StoredCell lex : store.cells()) {
            if (!lex.factors().get("market.search.mechanism").equals("lexical")) {
                continue;
            }
            for (SweepStore.StoredCell simple : store.cells()) {
                if (simple.factors().get("market.search.mechanism").equals("simple")
                        && simple.seed() == lex.seed()
                        && simple.factors()
                                .get("agents.assistants[0].params.inquiries")
                                .equals(lex.factors().get("agents.assistants[0].params.inquiries"))) {
                    sum += m.get(lex.id()).get("market.welfare.total")
                            - m.get(simple.id()).get("market.welfare.total");
                    n++;
                }
            }
        }
        assertThat(n).isEqualTo(6);
        return sum / n;
    }

    @Test
    void aBadFactorKeyIsReportedLikeABadSet() throws Exception {
        Path file = dir.resolve("bad/tiny.yaml");
        Files.createDirectories(file.getParent());
        SweepFixtures.scenarioWithSweep(
                file.getParent(), "design: grid\nfactors:\n  market.search.mechanizm: [simple]\n");
        SweepSpec spec = SweepSpec.load(file);
        assertThatThrownBy(() -> SweepPlan.of(spec, PolicyRegistry.builtIn(), "v"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("--set market.search.mechanizm")
                .hasMessageContaining("mechanism");
    }

    @Test
    void aSweepFileNamesItsBaseScenario() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("own-file/sweeps"));
        Files.writeString(folder.resolveSibling("base.yaml"), SweepFixtures.BASE);
        Path sweep = folder.resolve("sweep.yaml");
        Files.writeString(
                sweep,
                "scenario: ../base.yaml\nname: by-file\ndesign: zip\nfactors:\n"
                        + "  agents.assistants[0].params.inquiries: [1, 2]\n  seed: [100, 200]\nreplicates: 2\n");
        SweepSpec spec = SweepSpec.load(sweep);
        assertThat(spec.name()).isEqualTo("by-file");
        SweepPlan p = SweepPlan.of(spec, PolicyRegistry.builtIn(), "v");
        assertThat(p.cells()).extracting(Cell::seed).containsExactly(100L, 101L, 200L, 201L);

        Files.writeString(sweep, "scenario: ../base.yaml\ndesign: grid\nfactors: {seed: [1]}\nreplicate: 2\n");
        assertThatThrownBy(() -> SweepSpec.load(sweep))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("replicate");
    }
}
