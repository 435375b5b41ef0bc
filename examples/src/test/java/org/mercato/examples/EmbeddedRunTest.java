package org.mercato.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.run.RunResult;

class EmbeddedRunTest {
    @Test
    void theEmbeddedRunWritesARunFolderWithAServedMarket(@TempDir Path runs) throws Exception {
        RunResult result = EmbeddedRun.run(runs);

        assertThat(result.folder().getParent()).isEqualTo(runs);
        assertThat(result.eventLog()).isRegularFile();
        assertThat(result.folder().resolve("summary.json")).isRegularFile();
        var market = result.summary().market();
        assertThat(market.customers()).isEqualTo(50);
        assertThat(market.payments().count()).isPositive();
        assertThat(market.welfare().efficiency()).isBetween(0.0, 1.0);
        assertThat(RunEvents.summary(result.folder()).path("seed").asLong()).isEqualTo(7);
    }

    @Test
    void mainPrintsTheNumbersOfTheRunItWrote(@TempDir Path runs) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EmbeddedRun.main(new String[] {runs.toString()});
        } finally {
            System.setOut(console);
        }

        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.findFirst().orElseThrow();
        }
        var summary = RunEvents.summary(folder);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("welfare " + summary.at("/market/welfare/total").decimalValue())
                .contains(summary.at("/market/customersServed").asLong() + " of 50 customers served, "
                        + summary.at("/market/payments/count").asLong() + " payments")
                .contains("events in " + folder.resolve("events.jsonl"));
    }
}
