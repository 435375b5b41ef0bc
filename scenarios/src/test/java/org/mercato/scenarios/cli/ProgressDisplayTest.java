package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
}
