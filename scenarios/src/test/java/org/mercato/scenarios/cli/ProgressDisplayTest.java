package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.ScenarioRunner;

class ProgressDisplayTest {
    @Test
    void staysSilentDuringTheFirstSecond() {
        StringWriter err = new StringWriter();
        try (ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), true)) {
            display.windowDone(1_000_000, 10);
            display.windowDone(2_000_000, 20);
            assertThat(display.shown()).isFalse();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showsEventsAndVirtualTimeOnceTheRunIsSlow() {
        StringWriter err = new StringWriter();
        try (ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), true, 0)) {
            display.windowDone(1_000_000, 10);
            display.windowDone(125_000_000, 4_321);
            assertThat(display.shown()).isTrue();
        }
        assertThat(err.toString()).contains("simulating: 4,321 events", "events/s", "virtual time 2m 05s");
    }

    @Test
    void disabledShowsNothingEvenWhenSlow() {
        StringWriter err = new StringWriter();
        try (ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), false, 0)) {
            display.windowDone(1_000_000, 10);
            assertThat(display.shown()).isFalse();
        }
        assertThat(err.toString()).isEmpty();
    }

    /** A run names its phases in order: simulating, then summary, then writing (rows into the tables). */
    @Test
    void aRunNamesSimulatingThenSummaryThenWriting(@TempDir Path runs) throws Exception {
        StringWriter err = new StringWriter();
        var scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("market.generate.customers=40"));
        try (ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), true, 0)) {
            new ScenarioRunner(PolicyRegistry.withPlugins(), runs, display).run(scenario);
        }
        String shown = err.toString();
        int simulating = shown.indexOf("simulating: ");
        int summary = shown.indexOf("summary: ");
        int writing = shown.indexOf("writing: ");
        assertThat(simulating).as(shown).isGreaterThanOrEqualTo(0);
        assertThat(summary).as(shown).isGreaterThan(simulating);
        assertThat(writing).as(shown).isGreaterThan(summary);
        assertThat(shown.substring(summary)).containsPattern("summary: [0-9,]+ events");
        assertThat(shown.substring(writing)).containsPattern("writing: [0-9,]+ rows");
    }
}
