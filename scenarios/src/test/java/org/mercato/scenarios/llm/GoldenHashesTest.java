package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * The outputs of every bundled scenario at the reduced size of {@link EveryBundledScenarioTest},
 * pinned by SHA-256: {@code events.jsonl} as written, and {@code summary.json} without what depends
 * on the wall clock or on thread timing ({@code wallTimeMillis}; in the cost block the prefetch
 * counters and money, which counts wasted guesses). A refactoring must leave every hash as it is; a change meant to alter an output
 * updates {@code src/test/resources/golden/hashes.txt} in the same commit and says why (run with
 * {@code -Dgolden.update=true} to rewrite the file).
 */
class GoldenHashesTest {
    private static final Path HASHES = Path.of("src/test/resources/golden/hashes.txt");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @RegisterExtension
    static final ScriptedModelServer MODEL = new ScriptedModelServer();

    @TempDir
    static Path dir;

    @Test
    void everyBundledScenarioWritesThePinnedOutputs() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Path file : EveryBundledScenarioTest.bundled().toList()) {
            String name = name(file);
            Path folder = run(file, List.of(), dir.resolve(name));
            actual.put(
                    name,
                    "events=" + sha256(Files.readAllBytes(folder.resolve("events.jsonl"))) + " summary="
                            + sha256(stableSummary(folder.resolve("summary.json"))));
        }
        StringBuilder text = new StringBuilder();
        actual.forEach(
                (name, hashes) -> text.append(name).append(' ').append(hashes).append('\n'));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(HASHES, text.toString());
        }
        assertThat(text.toString()).isEqualTo(Files.readString(HASHES));
    }

    /**
     * {@code kernel.rolling: true} changes when agents run, never what the market logs: every
     * bundled scenario writes its pinned events.jsonl on the rolling kernel too.
     */
    @Test
    void everyBundledScenarioWritesThePinnedEventsOnTheRollingKernel() throws Exception {
        Map<String, String> pinned = new TreeMap<>();
        Map<String, String> rolled = new TreeMap<>();
        for (String line : Files.readAllLines(HASHES)) {
            String[] parts = line.split(" ");
            pinned.put(parts[0], parts[1]);
        }
        for (Path file : EveryBundledScenarioTest.bundled().toList()) {
            String name = name(file);
            Path folder = run(file, List.of("kernel.rolling=true"), dir.resolve("rolling-" + name));
            rolled.put(name, "events=" + sha256(Files.readAllBytes(folder.resolve("events.jsonl"))));
        }
        assertThat(rolled).isEqualTo(pinned);
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".yaml", "");
    }

    /** Runs a bundled scenario at the reduced size, with {@code more} overrides, into {@code out}. */
    private static Path run(Path file, List<String> more, Path out) throws Exception {
        List<String> sets =
                new ArrayList<>(EveryBundledScenarioTest.reductions(ScenarioLoader.load(file), MODEL.baseUrl()));
        sets.addAll(more);
        Scenario scenario = ScenarioValidator.load(file, sets, PolicyRegistry.builtIn());
        RunResult result =
                new ScenarioRunner(PolicyRegistry.builtIn(), out, KernelListener.NONE, key -> "test-key").run(scenario);
        return result.folder();
    }

    /**
     * The summary as canonical JSON (keys sorted) without its wall-clock and thread-timing fields,
     * nor what the embedding caches held ({@code search.embedding.cost}), nor the scenario hash: the reduced LLM scenarios name the scripted server's ephemeral port.
     */
    static byte[] stableSummary(Path summary) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(summary.toFile());
        root.remove("wallTimeMillis");
        if (root.get("condition") instanceof ObjectNode condition) {
            condition.remove("scenarioHash");
        }
        if (root.path("search").get("embedding") instanceof ObjectNode embedding) {
            embedding.remove("cost"); // what earlier runs left in the embedding caches, and time
        }
        JsonNode cost = root.get("cost");
        if (cost != null) {
            withoutThreadTiming(cost);
        }
        Object canonical = JSON.treeToValue(root, Object.class);
        return JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
    }

    /** Prefetch counters and the money that includes wasted guesses depend on thread timing. */
    private static void withoutThreadTiming(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("prefetched", "wasted", "wastedInputTokens", "wastedOutputTokens", "money"));
        }
        node.forEach(GoldenHashesTest::withoutThreadTiming);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
