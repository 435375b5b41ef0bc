package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.load.Excerpt;

/** Bad input of every kind is exit 2 with one short line, found quickly, before anything is written. */
class BadInputCliTest {
    private static final String TINY = String.join(
            "\n",
            "name: tiny",
            "seed: 3",
            "kernel: {mode: bare, networkDelay: 5ms}",
            "market:",
            "  generate: {domain: restaurants, customers: 6, services: 3, itemsPerCustomer: 2}",
            "agents:",
            "  assistants:",
            "    - policy: rational",
            "  services:",
            "    - policy: posted-price",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A file of {@code before}, then {@code size} letters inside double quotes, then a newline. */
    private Path bigQuotedValue(String name, String before, int size) throws IOException {
        Path file = dir.resolve(name);
        byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((before + "\"").getBytes(StandardCharsets.UTF_8));
            for (int left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void aFiftyMegabyteScenarioIsRefusedAtOnce() throws IOException {
        Path file = bigQuotedValue("big.yaml", TINY + "description: ", 50_000_000);

        long start = System.nanoTime();
        String error = badInput(mercato("validate", file.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(error)
                .isEqualTo("error: " + file + ": the file has " + Files.size(file) + " bytes, more than the 3145728"
                        + " a scenario or sweep file may have");
        assertThat(millis).as("refusal time in ms").isLessThan(2_000);
    }

    @Test
    void aFiftyMegabyteSweepFileIsRefusedAtOnce() throws IOException {
        write("base.yaml", TINY);
        Path sweep = bigQuotedValue("sweep.yaml", "scenario: base.yaml\nname: ", 50_000_000);

        long start = System.nanoTime();
        String error = badInput(
                mercato("sweep", sweep.toString(), "--out", dir.resolve("out").toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(error).startsWith("error: " + sweep + ": the file has ").contains("more than the 3145728");
        assertThat(millis).as("refusal time in ms").isLessThan(2_000);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeParsing() throws IOException {
        Path file = bigQuotedValue("line.yaml", TINY + "description: ", 2_000_000);

        long start = System.nanoTime();
        String error = badInput(mercato("validate", file.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(error)
                .isEqualTo("error: " + file + ":11:1: the line has 2000015 characters, more than the 16384"
                        + " a line may have");
        assertThat(millis).as("refusal time in ms").isLessThan(2_000);
    }

    @Test
    void aLongValueOverManyLinesIsRefusedAtItsKey() throws IOException {
        String lines = ("b".repeat(1000) + "\n  ").repeat(100);
        Path file = write("lines.yaml", TINY + "description: \"" + lines + "\"\n");

        assertThat(badInput(mercato("validate", file.toString())))
                .isEqualTo("error: " + file + ":11:14: description: the value is longer than the 65536 characters a"
                        + " value may have");
    }

    @Test
    void aQuotedValueIsCutToAShortExcerpt() throws IOException {
        StringBuilder passwd = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            passwd.append("user").append(i).append(":x:").append(1000 + i).append(":100::/home/u:/bin/sh\n");
        }
        Path file = write("passwd", passwd.toString());

        String error = badInput(
                mercato("run", file.toString(), "--out", dir.resolve("runs").toString()));

        assertThat(error)
                .startsWith("error: " + file + ":1:1: expected a mapping with keys name,")
                .contains("…'");
        String quoted = error.substring(error.indexOf("got '") + 5, error.lastIndexOf('\''));
        assertThat(quoted).hasSize(Excerpt.MAX + 1).startsWith("user0:x:1000");
        assertThat(error).doesNotContain("user39");
    }

    @Test
    void aMenuOrValueEntryWithoutAnAmountIsBadInputAtItsKey() throws IOException {
        // YAML reads "{ 9.50, Horchata: 3.00}" as a key 9.50 without a value (a fuzzed bundled scenario)
        String explicit = String.join(
                "\n",
                "name: tiny",
                "market:",
                "  services:",
                "    - id: fast",
                "      menu: { 9.50, Horchata: 3.00}",
                "  customers:",
                "    - id: ana",
                "      items: {Horchata: 1}",
                "      values: {Horchata: }",
                "agents:",
                "  assistants:",
                "    - policy: rational",
                "  services:",
                "    - policy: posted-price",
                "");
        Path file = write("explicit.yaml", explicit);

        assertThat(badInput(mercato("validate", file.toString())))
                .startsWith("error: " + file + ":5:")
                .endsWith("market.services[0].menu: '9.50' has no value");
        Path values = write("values.yaml", explicit.replace("{ 9.50, Horchata: 3.00}", "{Horchata: 3.00}"));
        assertThat(badInput(mercato("validate", values.toString())))
                .endsWith("market.customers[0].values: 'Horchata' has no value");
    }

    @Test
    void runtimeLimitsAreRefusedByValidate() throws IOException {
        Path file = write("tiny.yaml", TINY);

        assertThat(badInput(mercato("validate", file.toString(), "--set", "kernel.parallelism=32768")))
                .isEqualTo("error: --set kernel.parallelism: must be at most 32767 (the threads the kernel can run),"
                        + " was 32768");
        assertThat(mercato("validate", file.toString(), "--set", "kernel.parallelism=32767")
                        .code())
                .isZero();
        assertThat(badInput(mercato("validate", file.toString(), "--set", "name=" + "n".repeat(201))))
                .startsWith("error: --set name: a name has at most 200 characters")
                .endsWith("was 201");
        assertThat(mercato("validate", file.toString(), "--set", "name=" + "n".repeat(200))
                        .code())
                .isZero();
    }

    @Test
    void llmConcurrencyBeyondTheKernelsThreadsIsRefused() throws IOException {
        String llm = "{baseUrl: 'http://127.0.0.1:9/v1', model: m, concurrency: %d}";
        Path file = write(
                "llm.yaml",
                TINY.replace(
                                "    - policy: rational",
                                "    - policy: llm-assistant\n      llm: " + llm.formatted(20000))
                        .replace(
                                "    - policy: posted-price",
                                "    - policy: llm-service\n      llm: "
                                        + llm.formatted(20000).replace("model: m", "model: other")));

        assertThat(badInput(mercato("validate", file.toString())))
                .isEqualTo("error: " + file + ":12:74: agents.services[0].llm.concurrency: the models' concurrency"
                        + " limits add up to 40000, more than the 32767 calls in flight the kernel can run (one thread"
                        + " each)");
        assertThat(badInput(
                        mercato("validate", file.toString(), "--set", "agents.assistants[0].llm.concurrency=40000")))
                .startsWith("error: --set agents.assistants[0].llm.concurrency: must be at most 32767");
    }

    @Test
    void aCorruptAuctionMemoryIsBadInputNamingTheFileAndLine() throws IOException {
        Path memory = Files.createDirectories(dir.resolve("memory"));
        Files.writeString(memory.resolve("memory.jsonl"), "\n{\"broken\n");
        String setMemory = "market.strategyAuction.memory=" + memory;
        String expected = "error: " + memory.resolve("memory.jsonl") + ":2:1: not an auction memory entry: ";

        assertThat(badInput(mercato("validate", "strategy-auction-routing.yaml", "--set", setMemory)))
                .startsWith(expected);
        String runs = dir.resolve("runs").toString();
        assertThat(badInput(mercato("run", "strategy-auction-routing.yaml", "--set", setMemory, "--out", runs)))
                .startsWith(expected);
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aBadLineOfAnArrivalsTraceIsBadInputNamingTheFileAndLineAndNothingIsWritten() throws IOException {
        Path trace = write("arrivals.csv", "time\n0\n90\n2 hours\n");
        Path file = write(
                "dynamic.yaml",
                TINY.replace("  generate:", "  dynamics: {horizon: 2d, arrivals: {trace: arrivals.csv}}\n  generate:"));
        String expected = "error: " + trace + ":4:1: expected a time since the market opened, in seconds (3600) or as a"
                + " duration (90m, 1.5h, 2d), got '2 hours'";

        assertThat(badInput(mercato("validate", file.toString()))).isEqualTo(expected);
        String runs = dir.resolve("runs").toString();
        assertThat(badInput(mercato("run", file.toString(), "--out", runs))).isEqualTo(expected);
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void mergingAFileThatIsNotASweepStoreIsBadInput() throws IOException {
        Path notAStore = write("notes.duckdb", "these are my notes\n");
        Path out = dir.resolve("merged");

        assertThat(badInput(mercato("sweep", "merge", notAStore.toString(), "--out", out.toString())))
                .isEqualTo("error: " + notAStore + ": is not a sweep database (not a DuckDB file); give the .duckdb"
                        + " files 'mercato sweep' wrote");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTypoInASweepFileNamesItsLineColumnAndKey() throws IOException {
        write("base.yaml", TINY);
        Path sweep = write("sweep.yaml", "scenario: base.yaml\ndesign: grid\nfactors:\n  seed: [1, 2]\nreplicats: 2\n");

        assertThat(badInput(mercato("sweep", sweep.toString(), "--dry-run")))
                .isEqualTo("error: " + sweep + ":5:1: replicats: unknown key 'replicats'; allowed here: design,"
                        + " factors, replicates, samples, seed (did you mean 'replicates'?)");

        Files.writeString(sweep, "scenario: base.yaml\ndesign: grid\nfactors:\n  seed: [1, 2]\nreplicates: 0\n");
        assertThat(badInput(mercato("sweep", sweep.toString(), "--dry-run")))
                .isEqualTo("error: " + sweep + ":5:13: replicates: must be at least 1, was 0");
    }

    @Test
    void repeatedSweepLevelsAreBadInput() throws IOException {
        write("base.yaml", TINY);
        Path sweep = write("sweep.yaml", "scenario: base.yaml\ndesign: grid\nfactors:\n  seed: [1, 2, 1]\n");

        assertThat(badInput(mercato(
                        "sweep", sweep.toString(), "--out", dir.resolve("out").toString())))
                .isEqualTo("error: " + sweep + ":4:16: factors.seed[2]: level 3 repeats level 1 (1); a repeated"
                        + " level is the same cell");

        Files.writeString(sweep, "scenario: base.yaml\ndesign: zip\nfactors:\n  seed: [1, 1]\n  name: [a, a]\n");
        assertThat(badInput(mercato("sweep", sweep.toString(), "--dry-run")))
                .startsWith("error: " + sweep + ":4:13: factors.seed[1]: point 2 of the zip repeats point 1");

        // different text, same scenario
        Files.writeString(sweep, "scenario: base.yaml\ndesign: grid\nfactors:\n  seed: [1, 1.0]\n");
        assertThat(badInput(mercato("sweep", sweep.toString(), "--dry-run")))
                .contains("give the same scenario, so they would be one cell");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Bad values of market.pricing: exit 2, one line naming the key and what was expected. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "market.pricing.mu=0 | market.pricing.mu: must be > 0",
                "market.pricing.grid.size=1 | market.pricing.grid.size: must be >= 2",
                "market.pricing.policy.name=sarsa | market.pricing.policy.name: must be one of q-learning, bandit,"
                        + " best-response, markup, llm, was 'sarsa'",
                "market.pricing.policy.alpha=1.5 | market.pricing.policy.alpha: must be within (0, 1]",
                "market.pricing.firms=0 | market.pricing.firms: must be a count >= 1, was 0",
                "market.pricing.firms=two | market.pricing.firms: expected a count of firms or a list",
                "market.pricing.impulse.deviator=2 | market.pricing.impulse: deviator must name a firm, 0 to 1, was 2",
                "market.pricing.memory=4 | market.pricing.memory: 4 with 2 firms and a grid of 15 prices",
                "market.pricing.demand=agents | demand: agents reprices at period boundaries and"
                        + " needs market.dynamics with a period",
                "market.pricing.demand=shoppers | market.pricing.demand: must be logit",
                "market.pricing.policy.name=llm | market.pricing.policy.llm: is required for the llm policy"
            })
    void badPricingValuesAreBadInputAtTheirKey(String set, String expected) throws IOException {
        Path file = write("pricing.yaml", "name: p\nmarket:\n  pricing: {firms: 2, episodes: 1}\n");

        String error = badInput(mercato("validate", file.toString(), "--set", set));

        assertThat(error).contains(expected);
    }

    /** Paraphrase requests are written for retail products only; other domains are refused at the key. */
    @Test
    void paraphraseRequestsOutsideRetailAreBadInputAtTheKey() throws IOException {
        Path file =
                write("tiny.yaml", TINY.replace("itemsPerCustomer: 2}", "itemsPerCustomer: 2, requests: paraphrase}"));

        assertThat(badInput(mercato("validate", file.toString())))
                .isEqualTo("error: " + file + ":5:93: market.generate.requests: paraphrase is written for domain"
                        + " retail only, not restaurants");
        Path retail = write("retail.yaml", TINY.replace("domain: restaurants", "domain: retail"));
        assertThat(badInput(mercato("validate", retail.toString(), "--set", "market.generate.requests=prose")))
                .isEqualTo("error: --set market.generate.requests: must be one of literal, paraphrase, was 'prose'");
        assertThat(mercato("validate", retail.toString(), "--set", "market.generate.requests=paraphrase")
                        .code())
                .isZero();
    }

    /** The semantic and hybrid settings: bad values exit 2 at their key, whatever the mechanism. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "market.search.semantic.candidates=0 | error: --set market.search.semantic.candidates: must be >= 1,"
                        + " was 0",
                "market.search.semantic.exactUpTo=-1 | error: --set market.search.semantic.exactUpTo: must be >= 0"
                        + " (0: always the vector index), was -1",
                "market.search.semantic.threads=-2 | error: --set market.search.semantic.threads: must be >= 0"
                        + " (0: every processor), was -2",
                "market.search.semantic.memoryCache=maybe | error: --set market.search.semantic.memoryCache: expected"
                        + " true or false, got 'maybe'",
                "market.search.hybrid.rrfK=0 | error: --set market.search.hybrid.rrfK: must be >= 1, was 0"
            })
    void badSemanticAndHybridValuesAreBadInputAtTheirKey(String set, String expected) throws IOException {
        Path file = write("tiny.yaml", TINY);

        assertThat(badInput(mercato("validate", file.toString(), "--set", set))).isEqualTo(expected);
    }
}
