package org.mercato.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.storefront.ChromiumRenderer;

/**
 * The suite at a tiny size: every benchmark's code path runs and gives finite positive figures in
 * a well-formed table and JSON, so the suite cannot rot between the times someone runs it.
 */
class BenchSuiteTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void onlyTheFullSuiteHoldsTheKernelToIssue21sGoal() {
        assertThat(SuiteSize.full(ROOT).kernelIsFull()).isTrue();
        assertThat(SuiteSize.quick(ROOT).kernelIsFull()).isFalse();
        assertThat(SuiteSize.tiny(ROOT, List.of("mercato")).kernelIsFull()).isFalse();
    }

    @Test
    void everyRowOfATinySuiteHasFinitePositiveFiguresInTheTableAndTheJson(@TempDir Path dir) throws Exception {
        // the CLI's main class stands in for the launcher script, which would build the project
        List<String> cli = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.mercato.scenarios.cli.MercatoCli");
        // the render rows need a browser; without one they are left out rather than failing
        Set<String> names = new LinkedHashSet<>(BenchSuite.BENCHMARKS);
        if (!ChromiumRenderer.available()) {
            names.remove("render");
        }
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchSuite.Report report = BenchSuite.run(
                SuiteSize.tiny(ROOT, cli),
                names,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.rows())
                .as(
                        "errors: %s",
                        report.rows().stream()
                                .filter(r -> r.verdict() == Row.Verdict.ERROR)
                                .toList())
                .noneMatch(r -> r.verdict() == Row.Verdict.ERROR);
        assertThat(report.failedToRun()).isFalse();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("running kernel...", "startup took");
        Set<String> benchmarks = new LinkedHashSet<>();
        for (Row row : report.rows()) {
            benchmarks.add(row.benchmark());
            assertThat(row.value()).as(row.measured()).isFinite().isPositive();
            if (!Double.isNaN(row.baseline())) {
                assertThat(row.baseline()).as(row.measured()).isFinite().isPositive();
                assertThat(row.ratio()).as(row.measured()).isFinite().isPositive();
            }
        }
        assertThat(benchmarks).containsExactlyElementsOf(names);
        assertThat(report.rows())
                .filteredOn(r -> r.benchmark().equals("scale"))
                .allMatch(r -> r.verdict() == Row.Verdict.REDUCED, "a reduced scale run passes or fails no goal");
        assertThat(report.rows())
                .filteredOn(r -> r.benchmark().equals("kernel") && r.measured().endsWith("with work"))
                .hasSize(2)
                .allMatch(r -> r.verdict() == Row.Verdict.REDUCED, "a reduced kernel run passes or fails no goal")
                .allMatch(
                        r -> r.note().contains("rounds, ratio's 95% bootstrap interval"),
                        "a share of the ceiling says how far its rounds spread");

        String table = report.table();
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(report.rows().size() + 2);
        long bars = lines.get(0).chars().filter(c -> c == '|').count();
        assertThat(lines).allMatch(line -> line.chars().filter(c -> c == '|').count() == bars);
        assertThat(lines).allMatch(line -> line.length() == lines.get(0).length());

        Path json = dir.resolve("bench.json");
        report.writeJson(json);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("suite").asText()).isEqualTo("tiny");
        assertThat(doc.get("cpu").asText()).isEqualTo(report.host().cpu()).isNotBlank();
        assertThat(doc.get("java").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(doc.get("rows")).hasSize(report.rows().size());
        for (JsonNode row : doc.get("rows")) {
            assertThat(row.get("value").isNumber()).as(row.toString()).isTrue();
            assertThat(row.get("value").asDouble()).isPositive();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(json);
        }
    }
}
