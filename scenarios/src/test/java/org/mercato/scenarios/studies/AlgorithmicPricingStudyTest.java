package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.cli.MercatoCli;
import picocli.CommandLine;

/**
 * The algorithmic-pricing study's qualitative result, through the real CLI, at a size the suite
 * affords (exploration decaying five times faster than the paper's, 20,000 stable periods, 8
 * episodes, about two seconds): Q-learning duopolists price above Nash and below monopoly (profit
 * gain clearly inside (0, 1)), and a one-period deviation is punished, then forgiven.
 */
class AlgorithmicPricingStudyTest {
    static final List<String> SMALL = List.of(
            "market.pricing.policy.beta=2e-5",
            "market.pricing.episodes=8",
            "market.pricing.convergence.stable=20000",
            "market.pricing.convergence.maxPeriods=2000000",
            "market.pricing.logEvery=20000");

    @TempDir
    Path dir;

    @Test
    void learnersColludeAndPunishADeviation() throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "algorithmic-pricing.yaml", "--out", dir.toString()));
        SMALL.forEach(set -> args.addAll(List.of("--set", set)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MercatoCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute(args.toArray(String[]::new));

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("Pricing: profit gain over Nash (Delta)");
        assertThat(out.toString())
                .as("no empty shopping market's zero welfare on the console")
                .contains("no shopping market ran")
                .doesNotContain("0.00 of 0.00 optimal");
        Path run;
        try (Stream<Path> runs = Files.list(dir)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode pricing = new ObjectMapper()
                .readTree(run.resolve("summary.json").toFile())
                .get("pricing");
        assertThat(pricing.get("episodes").asInt()).isEqualTo(8);
        assertThat(pricing.get("converged").asDouble()).isEqualTo(1.0);
        JsonNode gain = pricing.get("gain");
        assertThat(gain.get("mean").asDouble()).as("profit gain").isBetween(0.3, 0.97);
        assertThat(gain.get("low").asDouble()).as("interval low").isGreaterThan(0.1);
        assertThat(gain.get("high").asDouble()).as("interval high").isLessThan(1.0);
        double nash = pricing.at("/nash/prices/0").asDouble();
        double monopoly = pricing.at("/monopoly/prices/0").asDouble();
        assertThat(pricing.at("/prices/0").asDouble()).isStrictlyBetween(nash, monopoly);

        JsonNode impulse = pricing.get("impulse");
        assertThat(impulse).hasSize(17);
        double before = impulse.get(0).at("/prices/1").asDouble();
        assertThat(impulse.get(1).at("/prices/0").asDouble())
                .as("the deviator undercuts")
                .isLessThan(impulse.get(0).at("/prices/0").asDouble() - 0.05);
        double trough = Double.POSITIVE_INFINITY;
        for (int period = 1; period <= 5; period++) {
            trough = Math.min(trough, impulse.get(period + 1).at("/prices/1").asDouble());
        }
        assertThat(trough).as("the rival punishes").isLessThan(before - 0.05);
        double late = 0;
        for (int period = 11; period <= 15; period++) {
            late += impulse.get(period + 1).at("/prices/1").asDouble() / 5;
        }
        assertThat(Math.abs(late - before)).as("then returns").isLessThan((before - trough) / 2);

        assertThat(Files.readString(run.resolve("report.html")))
                .contains("Impulse response")
                .contains("Mean price over the learning episodes");
    }
}
