package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.CodeVersion;
import org.mercato.scenarios.sweep.LocalExecutor;
import org.mercato.scenarios.sweep.SweepListener;
import org.mercato.scenarios.sweep.SweepPlan;
import org.mercato.scenarios.sweep.SweepRun;
import org.mercato.scenarios.sweep.SweepSpec;
import org.mercato.scenarios.sweep.SweepStore;
import org.mercato.storefront.ChromiumRenderer;

/**
 * A sweep of a multimodal shopper's market whose factor (the model's temperature, which the
 * scripted model ignores) changes nothing the shoppers see, sharing {@code llm.screenshots.folder}:
 * the first cell renders each distinct page once, the second renders none and is served every
 * screenshot from the folder, which then holds exactly the distinct pages the runs showed.
 */
class ScreenshotSweepTest {
    @TempDir
    Path dir;

    @Test
    void theSecondCellRendersNoPageTheFirstRendered() throws Exception {
        Assumptions.assumeTrue(ChromiumRenderer.available(), "no chromium at /usr/bin/chromium");
        Path shots = dir.resolve("screenshots");
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new MultimodalReplayTest.VisionModel());
        server.start();
        SweepPlan plan;
        SweepRun.Outcome outcome;
        try {
            Path file = dir.resolve("shots.yaml");
            Files.writeString(
                    file,
                    MultimodalReplayTest.yaml(
                                    server.url("/v1").toString(),
                                    "cache: {mode: off}, screenshots: {folder: '" + shots + "'}")
                            + "sweep:\n"
                            + "  design: grid\n"
                            + "  factors:\n"
                            + "    agents.assistants[0].llm.temperature: [0.0, 0.5]\n");
            plan = SweepPlan.of(SweepSpec.load(file), PolicyRegistry.builtIn(), CodeVersion.current());
            // one cell at a time, so the second finds the first one's screenshots
            outcome = SweepRun.run(
                    plan,
                    dir.resolve("sweep.duckdb"),
                    false,
                    new LocalExecutor(
                            new CellRunner(PolicyRegistry.builtIn(), dir.resolve("runs"), "test"),
                            1,
                            SweepListener.NONE),
                    SweepListener.NONE);
        } finally {
            server.shutdown();
        }
        assertThat(outcome).isEqualTo(new SweepRun.Outcome(2, 0, 2, 0, 0));
        List<Cell> cells = plan.cells();
        assertThat(cells.get(0).seed()).isEqualTo(cells.get(1).seed());
        Map<String, Map<String, Double>> metrics;
        try (SweepStore store = SweepStore.open(dir.resolve("sweep.duckdb"))) {
            metrics = store.metrics();
        }
        Map<String, Double> first = metrics.get(cells.get(0).id());
        Map<String, Double> second = metrics.get(cells.get(1).id());
        Path firstRun = runFolder(cells.get(0));
        Path secondRun = runFolder(cells.get(1));

        TreeSet<String> pages = new TreeSet<>();
        for (Path run : List.of(firstRun, secondRun)) {
            MultimodalReplayTest.files(run.resolve("pages")).forEach(f -> pages.add(f.substring(0, 64)));
        }
        // the shoppers search for different things: more than one distinct page
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(first.get("cost.images")).isPositive();
        // the first cell renders each distinct page once and the rest of its images come from memory
        assertThat(first.get("cost.screenshotsRendered")).isEqualTo((double) pages.size());
        assertThat(first.getOrDefault("cost.screenshotsCached", 0.0) + pages.size())
                .isEqualTo(first.get("cost.images"));
        assertThat(second).doesNotContainKey("cost.screenshotsRendered");
        assertThat(second.get("cost.screenshotsCached")).isEqualTo(second.get("cost.images"));
        assertThat(MultimodalReplayTest.files(shots))
                .hasSize(pages.size())
                .allSatisfy(f -> assertThat(pages).contains(f.substring(0, 64)))
                .allSatisfy(f -> assertThat(f).endsWith("-640x400.png"));
        // the temperature changed nothing the market saw
        assertThat(Files.readAllBytes(secondRun.resolve("events.jsonl")))
                .isEqualTo(Files.readAllBytes(firstRun.resolve("events.jsonl")));
        assertThat(Files.readString(firstRun.resolve("run.log")))
                .contains("screenshots: " + pages.size() + " rendered by Chromium");
        System.out.printf(
                "screenshot sweep: %d distinct pages, first cell rendered %.0f cached %.0f, second cell cached %.0f%n",
                pages.size(),
                first.get("cost.screenshotsRendered"),
                first.getOrDefault("cost.screenshotsCached", 0.0),
                second.get("cost.screenshotsCached"));
    }

    /** The one run folder a kept cell holds. */
    private Path runFolder(Cell cell) throws IOException {
        try (var list = Files.list(dir.resolve("runs").resolve(cell.id()))) {
            List<Path> runs = list.filter(Files::isDirectory).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }
}
