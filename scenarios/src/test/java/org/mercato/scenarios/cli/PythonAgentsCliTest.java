package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;

/**
 * {@code mercato run} with the Python client's example agents as external groups started by
 * {@code external.command}: the market runs end to end and replays byte-identical with no process;
 * an agent process that crashes, one that sleeps past its turn timeout and one that sends garbage
 * (src/test/resources/python) end as the issue says, loudly, and the market goes on.
 */
class PythonAgentsCliTest {
    @TempDir
    Path dir;

    @BeforeEach
    void python() {
        Python3.require();
    }

    /** Five customers, six restaurants; the shoppers run {@code shopper}, the sellers as given. */
    private Path scenario(String shopper, String timeout, String cacheMode, String sellers) throws IOException {
        String cache =
                cacheMode == null ? "" : ", cache: {mode: " + cacheMode + ", folder: '" + dir.resolve("turns") + "'}";
        String yaml = String.join(
                "\n",
                "name: python-agents",
                "seed: 5",
                "kernel: {networkDelay: 5ms}",
                "market:",
                "  generate: {domain: restaurants, customers: 5, services: 6, itemsPerCustomer: 1}",
                "  search: {mechanism: simple, pageSize: 6}",
                "agents:",
                "  assistants:",
                "    - policy: external",
                "      thinkTime: 100ms",
                "      external: {command: python3 " + shopper + ", directory: '" + dir + "', timeout: " + timeout
                        + cache + "}",
                "  services:",
                sellers,
                "output: {duckdb: false}",
                "");
        Path file = dir.resolve("python-agents.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** {@link #scenario} in a market that lives over time: every customer comes back an hour after each visit, for 3 hours. */
    private Path returning(String shopper, String timeout) throws IOException {
        Path file = scenario(shopper, timeout, null, JAVA_SELLERS);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "  search: {mechanism: simple, pageSize: 6}\n",
                                "  search: {mechanism: simple, pageSize: 6}\n"
                                        + "  dynamics: {horizon: 3h, returns: {every: 1h, distribution: fixed},"
                                        + " delivery: 1m}\n"));
        return file;
    }

    /** Payments per visit of each customer (a customer's visit is its last arrival's). */
    private static Map<String, Map<Integer, Integer>> paymentsByVisit(Path run) throws IOException {
        Map<String, Integer> visit = new TreeMap<>();
        Map<String, Map<Integer, Integer>> paid = new TreeMap<>();
        for (LoggedEvent logged : events(run)) {
            if (logged.event() instanceof org.mercato.sim.events.ArrivalEvent arrival) {
                visit.put(arrival.customer(), arrival.visit());
            } else if (logged.event() instanceof PaymentEvent payment) {
                paid.computeIfAbsent(payment.customer(), c -> new TreeMap<>())
                        .merge(visit.getOrDefault(payment.customer(), 0), 1, Integer::sum);
            }
        }
        return paid;
    }

    private String pythonSellers(String cacheMode) {
        String cache =
                cacheMode == null ? "" : ", cache: {mode: " + cacheMode + ", folder: '" + dir.resolve("turns") + "'}";
        return "    - policy: external\n      thinkTime: {min: 50ms, max: 2s}\n      external: {command: python3 '"
                + Python3.EXAMPLES.resolve("posted_price_seller.py") + "', timeout: 20s" + cache + "}";
    }

    private static final String JAVA_SELLERS = "    - policy: posted-price\n      thinkTime: {min: 50ms, max: 2s}";

    /** Copies a test agent from src/test/resources/python next to the scenario, able to import the client and the examples. */
    private String agent(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/python/" + name)) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path =
                    "import sys\nsys.path[:0] = [" + quoted(Python3.CLIENTS) + ", " + quoted(Python3.EXAMPLES) + "]\n";
            Files.writeString(dir.resolve(name), path + body);
        }
        return name;
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private Path runFolder(String out) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve(out))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static Map<String, String> doneReasons(Path run) throws IOException {
        Map<String, String> reasons = new TreeMap<>();
        for (LoggedEvent logged : events(run)) {
            if (logged.event() instanceof DoneEvent done) {
                reasons.put(done.agent(), done.reason());
            }
        }
        return reasons;
    }

    private static List<LoggedEvent> events(Path run) throws IOException {
        return Files.readAllLines(run.resolve("events.jsonl")).stream()
                .map(EventReader::parse)
                .toList();
    }

    @Test
    void theExampleAgentsRunAMarketThatReplaysByteIdenticalWithoutAProcessAndGarbageChangesNothing() throws Exception {
        String shopper = "'" + Python3.EXAMPLES.resolve("cheapest_shopper.py") + "'";
        Path file = scenario(shopper, "20s", "record", pythonSellers("record"));

        MercatoCliTest.Result live =
                mercato("run", file.toString(), "--out", dir.resolve("live").toString());

        assertThat(live.code()).as(live.out() + live.err()).isZero();
        Path run = runFolder("live");
        assertThat(live.out() + live.err()).contains("started the agents of external group assistants-0");
        assertThat(doneReasons(run)).hasSize(5).containsValues("purchased").doesNotContainValue("external-gone");
        assertThat(events(run).stream().filter(e -> e.event() instanceof PaymentEvent))
                .isNotEmpty();
        assertThat(run.resolve("agents-assistants-0.log")).exists();
        assertThat(run.resolve("agents-services-0.log")).exists();

        MercatoCliTest.Result replay = mercato(
                "run",
                file.toString(),
                "--out",
                dir.resolve("replay").toString(),
                "--set",
                "agents.assistants[0].external.cache.mode=replay",
                "--set",
                "agents.services[0].external.cache.mode=replay");

        assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
        Path replayed = runFolder("replay");
        assertThat(Files.readString(replayed.resolve("events.jsonl")))
                .isEqualTo(Files.readString(run.resolve("events.jsonl")));
        assertThat(replayed.resolve("agents-assistants-0.log")).doesNotExist();
        assertThat(replay.out() + replay.err()).doesNotContain("started the agents");

        // a shopper that sends garbage before each real answer gets errors, and the market comes out
        // the same (the sellers replay their recorded turns)
        Path garbageFile = scenario(agent("garbage_shopper.py"), "20s", null, pythonSellers("replay"));
        MercatoCliTest.Result garbage = mercato(
                "run", garbageFile.toString(), "--out", dir.resolve("garbage").toString());

        assertThat(garbage.code()).as(garbage.out() + garbage.err()).isZero();
        Path garbageRun = runFolder("garbage");
        assertThat(Files.readString(garbageRun.resolve("events.jsonl")))
                .isEqualTo(Files.readString(run.resolve("events.jsonl")));
        String log = Files.readString(garbageRun.resolve("agents-assistants-0.log"));
        assertThat(log)
                .contains("garbage 400")
                .contains("garbage 403")
                .contains("garbage 409")
                .contains("teleport");
        assertThat(Files.readString(garbageRun.resolve("run.log"))).contains("status=403");
    }

    @Test
    void anAgentProcessThatCrashesEndsItsAgentsAsGoneAndTheRunFailsLoudly() throws Exception {
        Path file = scenario(agent("crashing_shopper.py"), "20s", null, JAVA_SELLERS);

        MercatoCliTest.Result result =
                mercato("run", file.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("external-gone");
        Path run = runFolder("out");
        assertThat(doneReasons(run))
                .hasSize(5)
                .allSatisfy((agent, reason) -> assertThat(reason).isEqualTo("external-gone"));
        assertThat(Files.readString(run.resolve("agents-assistants-0.log")))
                .contains("RuntimeError: the agent crashed");
        assertThat(Files.readString(run.resolve("run.log"))).contains("exited with code 1");
    }

    @Test
    void anAgentThatSleepsPastItsTurnTimeoutEndsWithExternalTimeoutAndTheRunFailsLoudly() throws Exception {
        Path file = scenario(agent("sleepy_shopper.py"), "1s", null, JAVA_SELLERS);
        long start = System.nanoTime();

        MercatoCliTest.Result result =
                mercato("run", file.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("external-timeout");
        assertThat(doneReasons(runFolder("out"))).containsValue("external-timeout");
        // the sleeping process is stopped at the end, not waited for
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    @Test
    void theExampleShopperShopsOnEveryReturnVisitAndIsDoneOnlyWhenTheRunEnds() throws Exception {
        Path file = returning("'" + Python3.EXAMPLES.resolve("cheapest_shopper.py") + "'", "20s");

        MercatoCliTest.Result result =
                mercato("run", file.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.code()).as(result.out() + result.err()).isZero();
        Map<String, Map<Integer, Integer>> paid = paymentsByVisit(runFolder("out"));
        assertThat(paid).isNotEmpty();
        // whoever bought on its first visit bought again on its return visits
        assertThat(paid.values()).allSatisfy(visits -> assertThat(visits).containsOnlyKeys(0, 1, 2));
    }

    @Test
    void anAgentThatSleepsInASecondVisitEndsWithExternalTimeoutAndTheRunFailsLoudly() throws Exception {
        Path file = returning(agent("sleepy_returning_shopper.py"), "1s");

        MercatoCliTest.Result result =
                mercato("run", file.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("external-timeout");
        Path run = runFolder("out");
        assertThat(doneReasons(run)).containsValue("external-timeout");
        assertThat(paymentsByVisit(run).values())
                .isNotEmpty()
                .allSatisfy(visits -> assertThat(visits).containsOnlyKeys(0));
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/failures/agents").asLong()).isPositive();
    }
}
