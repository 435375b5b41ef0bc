package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console summary of {@code mercato run}: every count with thousands separators, money with two
 * decimals, and the market's last event told apart from where the kernel's clock stopped.
 */
class RunConsoleTest {
    @TempDir
    Path dir;

    @Test
    void moneyHasTwoDecimalsAndThousandsSeparators() {
        assertThat(Format.money(new BigDecimal("3612.125"))).isEqualTo("3,612.13");
        assertThat(Format.money(new BigDecimal("20000"))).isEqualTo("20,000.00");
        assertThat(Format.money(new BigDecimal("-0.5"))).isEqualTo("-0.50");
    }

    @Test
    void theSummaryLinesFormatNumbersAlikeAndSayWhichTimeIsWhich() {
        MercatoCliTest.Result result = mercato(
                "run",
                "quickstart",
                "--set",
                "market.generate.customers=1200",
                "--out",
                dir.resolve("runs").toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(line -> line.startsWith("  ")).toList())
                .contains(
                        "  welfare     7,872.25 of 23,587.19 optimal, efficiency 33.4%",
                        "  customers   431 of 1,200 served, 431 paying",
                        "  payments    431, total 5,465.05",
                        "  events      13,638 in 165 windows",
                        // the rational shoppers' 30 s patience timers run on after the last event
                        "  market time last event at 3.83s, clock stopped at 30.90s (last message or timer)");
    }

    /** A semantic run prints one line of embedding cost; a lexical one none (its summary has no embedding). */
    @Test
    void aSemanticRunPrintsWhatItsEmbeddingsCost() {
        MercatoCliTest.Result semantic = mercato(
                "run",
                "search-paraphrase",
                "--set",
                "market.generate.customers=30",
                "--set",
                "market.generate.services=16",
                "--out",
                dir.resolve("runs").toString());
        MercatoCliTest.Result lexical = mercato(
                "run",
                "search-paraphrase",
                "--set",
                "market.generate.customers=30",
                "--set",
                "market.generate.services=16",
                "--set",
                "market.search.mechanism=lexical",
                "--out",
                dir.resolve("runs").toString());

        assertThat(semantic.code()).as(semantic.err()).isZero();
        assertThat(semantic.out().lines().filter(line -> line.startsWith("  embeddings  ")))
                .singleElement()
                .asString()
                .startsWith("  embeddings  16 services and ")
                .contains(" queries by all-minilm-l6-v2-q: ")
                .contains(" computed, ")
                .contains(" from memory, ")
                .contains(" from disk, in ");
        assertThat(lexical.code()).as(lexical.err()).isZero();
        assertThat(lexical.out()).doesNotContain("embeddings");
    }

    /**
     * Loading the embedding model, DJL warns that it found no CUDA driver; the console counted that
     * as one of the run's warnings ("see run.log") although the model runs on the CPU by design.
     */
    @Test
    void theEmbeddingLibrarysGpuProbeIsNoWarningOfTheRun() {
        org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils");
        assertThat(probe.isWarnEnabled()).isFalse();
        assertThat(probe.isErrorEnabled()).isTrue();
    }
}
