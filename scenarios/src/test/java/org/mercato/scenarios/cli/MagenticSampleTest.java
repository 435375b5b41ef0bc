package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled {@code magentic-sample.yaml}: a Magentic-format folder shipped with Mercato, run end to end. */
class MagenticSampleTest {
    @TempDir
    Path dir;

    @Test
    void validates() {
        MercatoCliTest.Result result = mercato("validate", "magentic-sample.yaml");

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("ok: magentic-sample, 3 customers, 3 services");
    }

    @Test
    void runsEndToEndAndItsOptimumIsTheBaselinesOptimum() throws IOException {
        Path runs = dir.resolve("runs");

        MercatoCliTest.Result result = mercato("run", "magentic-sample.yaml", "--out", runs.toString());

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("Running magentic-sample (seed 7): 3 customers, 3 services")
                .contains("of 29.50 optimal")
                .doesNotContain("warnings");
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.findFirst().orElseThrow();
        }
        JsonNode summary =
                new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertThat(summary.at("/market/customers").asInt()).isEqualTo(3);
        assertThat(summary.at("/market/welfare/optimal").decimalValue()).isEqualByComparingTo("29.50");
        assertThat(summary.at("/market/welfare/total").decimalValue())
                .isLessThanOrEqualTo(new java.math.BigDecimal("29.50"));
        assertThat(summary.get("warnings")).isEmpty();
        assertThat(folder.resolve("scenario.resolved.yaml"))
                .content()
                .contains("magentic: " + Path.of("data/magentic-sample").toAbsolutePath());
        try (Stream<String> lines = Files.lines(folder.resolve("events.jsonl"))) {
            assertThat(lines.filter(l -> l.contains("\"type\":\"service\""))).hasSize(3);
        }
    }

    @Test
    void theBundledSampleIsTheTestFixture() throws IOException {
        Path sample = Path.of("data/magentic-sample");
        Path fixture = Path.of("src/test/resources/magentic-fixture");

        List<Path> files = files(sample);
        assertThat(files).isEqualTo(files(fixture)).hasSize(6);
        for (Path file : files) {
            assertThat(sample.resolve(file)).hasSameTextualContentAs(fixture.resolve(file));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
