package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.sim.market.search.SemanticSettings;

/** The search section: mechanism names, defaults, and the cache knob that stays out of the resolved file. */
class SearchConfigLoadTest {
    private static final Path QUICKSTART = Path.of("quickstart.yaml");

    @TempDir
    Path dir;

    private static ScenarioException failure(Path file, String... overrides) {
        ScenarioException e =
                catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides)));
        assertThat(e).as("loading should fail").isNotNull();
        return e;
    }

    @Test
    void everyMechanismLoadsByName() {
        for (String mechanism : List.of("simple", "lexical", "filtered", "semantic", "hybrid", "oracle", "random")) {
            Scenario scenario = ScenarioLoader.load(QUICKSTART, List.of("market.search.mechanism=" + mechanism));
            assertThat(scenario.market().search().mechanism()).isEqualTo(mechanism);
        }
    }

    @Test
    void anUnknownMechanismListsTheKnownOnes() throws IOException {
        assertThat(failure(QUICKSTART, "market.search.mechanism=bm25").getMessage())
                .isEqualTo("--set market.search.mechanism: expected one of simple, lexical, filtered, semantic,"
                        + " hybrid, oracle, random, got 'bm25'");
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, ScenarioLoaderTest.VALID.replace("    services: 5\n", """
                    services: 5
                  search:
                    mechanism: bm25
                """));
        ScenarioException e = failure(file);
        assertThat(e.key()).isEqualTo("market.search.mechanism");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.problem())
                .isEqualTo("expected one of simple, lexical, filtered, semantic, hybrid, oracle, random, got 'bm25'");
    }

    @Test
    void defaultsStayAsTheyWere() {
        SearchConfig search = SearchConfig.DEFAULT;
        assertThat(search.mechanism()).isEqualTo("simple");
        assertThat(search.pageSize()).isEqualTo(10);
        assertThat(search.pageLimit()).isEqualTo(10);
        assertThat(search.revealPrices()).isTrue();
        assertThat(search.cacheSize()).isNull();
        assertThat(search.cacheSizeOrDefault()).isEqualTo(4096);
    }

    @Test
    void theCacheSizeIsOptionalAndNeverNegative() {
        Scenario quickstart = ScenarioLoader.load(QUICKSTART, List.of());
        assertThat(ScenarioYaml.write(quickstart)).doesNotContain("cacheSize");
        Scenario off = ScenarioLoader.load(QUICKSTART, List.of("market.search.cacheSize=0"));
        assertThat(off.market().search().cacheSizeOrDefault()).isZero();
        assertThat(ScenarioYaml.write(off)).contains("cacheSize: 0");
        assertThat(failure(QUICKSTART, "market.search.cacheSize=-1").getMessage())
                .isEqualTo("--set market.search.cacheSize: must be >= 0 (0: no cache), was -1");
    }

    @Test
    void semanticAndHybridSettingsTakeTheirDefaultsAndStayOutOfTheResolvedScenarioUnlessGiven() {
        Scenario quickstart = ScenarioLoader.load(QUICKSTART, List.of());
        assertThat(quickstart.market().search().semanticSettings()).isEqualTo(SemanticSettings.DEFAULTS);
        assertThat(ScenarioYaml.write(quickstart)).doesNotContain("semantic").doesNotContain("hybrid");

        Scenario set = ScenarioLoader.load(
                QUICKSTART,
                List.of(
                        "market.search.mechanism=lexical",
                        "market.search.semantic.candidates=20",
                        "market.search.semantic.threads=1",
                        "market.search.semantic.diskCache=embeddings-cache",
                        "market.search.hybrid.rrfK=10"));
        assertThat(set.market().search().semanticSettings())
                .isEqualTo(new SemanticSettings(
                        20,
                        SemanticSettings.DEFAULTS.exactUpTo(),
                        10,
                        true,
                        Path.of("embeddings-cache").toAbsolutePath(),
                        1));
        assertThat(ScenarioYaml.write(set))
                .contains("    semantic:\n      candidates: 20\n      threads: 1\n      diskCache: embeddings-cache\n")
                .contains("    hybrid:\n      rrfK: 10\n");
    }
}
