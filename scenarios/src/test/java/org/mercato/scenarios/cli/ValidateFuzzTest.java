package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws random YAML documents (random nesting with real scenario keys mixed in, and mutated copies
 * of the bundled scenarios), random {@code --set} overrides and random bytes at {@code mercato
 * validate}: the answer is always exit 0, or exit 2 with one {@code error:} line, and never a stack
 * trace or a Java class name. 2,000 tries in all; each is a whole in-process CLI call.
 */
class ValidateFuzzTest {
    /** Real keys, at every level of a scenario. */
    private static final List<String> KEYS = List.of(
            "name",
            "description",
            "seed",
            "kernel",
            "parallelism",
            "networkDelay",
            "horizon",
            "mode",
            "market",
            "generate",
            "domain",
            "customers",
            "services",
            "itemsPerCustomer",
            "id",
            "menu",
            "rating",
            "latency",
            "request",
            "items",
            "values",
            "budget",
            "search",
            "mechanism",
            "presentation",
            "reveal",
            "ads",
            "strategyAuction",
            "magentic",
            "agents",
            "assistants",
            "policy",
            "count",
            "params",
            "thinkTime",
            "llm",
            "concurrency",
            "cache",
            "prices",
            "output",
            "sweep",
            "design",
            "factors",
            "replicates",
            "min",
            "max",
            "median",
            "sigma",
            "pricing",
            "firms",
            "mu",
            "grid",
            "impulse",
            "episodes",
            "Tacos");

    /** Real dotted keys for {@code --set}. */
    private static final List<String> DOTTED = List.of(
            "name",
            "description",
            "seed",
            "kernel.parallelism",
            "kernel.networkDelay",
            "kernel.horizon",
            "kernel.mode",
            "market.generate.domain",
            "market.generate.customers",
            "market.generate.services",
            "market.generate.itemsPerCustomer",
            "market.services[0].menu.Tacos",
            "market.services[0].id",
            "market.services[0].rating",
            "market.services[0].latency",
            "market.services[3]",
            "market.customers[0].values.Tacos",
            "market.customers[0].items.Tacos",
            "market.customers[0]",
            "market.search.mechanism",
            "market.search",
            "market.presentation",
            "market.reveal",
            "market.magentic",
            "agents.assistants[0].policy",
            "agents.assistants[0].count",
            "agents.assistants[0].params.inquiries",
            "agents.assistants[0].params.patience",
            "agents.assistants[0].thinkTime",
            "agents.assistants[0].llm",
            "agents.assistants[0].llm.concurrency",
            "agents.assistants[1]",
            "agents.services[0].policy",
            "agents.services[0].params",
            "output.csv",
            "prices",
            "sweep",
            "sweep.design",
            "sweep.factors.seed",
            "sweep.replicates",
            "market.strategyAuction.memory",
            "market.pricing",
            "market.pricing.firms",
            "market.pricing.mu",
            "market.pricing.grid.size",
            "market.pricing.policy.name",
            "market.pricing.policy.alpha",
            "market.pricing.impulse.deviator",
            "agents.assistants.0.count");

    private static final List<String> SCALARS = List.of(
            "0",
            "1",
            "-1",
            "7",
            "3.5",
            "-0.0",
            "1e300",
            "-1e300",
            ".inf",
            ".nan",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999",
            "0x10",
            "0o17",
            "1_000",
            "yes",
            "no",
            "on",
            "off",
            "true",
            "false",
            "~",
            "null",
            "",
            "20ms",
            "1.5s",
            "-5s",
            "1e9h",
            "99999999999999999h",
            "0us",
            "rational",
            "satisficer",
            "posted-price",
            "llm-assistant",
            "bare",
            "actors",
            "restaurants",
            "lexical",
            "grid",
            "'quoted'",
            "\"dq\\n\"",
            "[]",
            "{}",
            "[1, 2]",
            "{min: 1ms, max: 2ms}",
            "{min: 20ms, median: 1s, sigma: 0.5}",
            "*alias",
            "&anchor x",
            "!!binary aGk=",
            "!!python/object x",
            "\"unterminated",
            "'also",
            "a: b",
            "- x",
            "%",
            "@x",
            "`x`",
            "? x",
            "|",
            ">",
            "#c",
            "\t",
            "ü",
            "\u0000",
            "\u2028",
            "../../etc/passwd",
            "/nonexistent/folder");

    private static Path folder;
    private static List<String> bundled;

    @BeforeContainer
    static void setUp() throws IOException {
        folder = Files.createTempDirectory("validate-fuzz");
        try (Stream<Path> files = Files.list(Path.of("."))) {
            bundled = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("scale-1m.yaml"))
                    .sorted()
                    .map(ValidateFuzzTest::read)
                    .toList();
        }
        assertThat(bundled).hasSizeGreaterThan(5);
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 500)
    void randomYamlDocuments(@ForAll("documents") String text) throws IOException {
        checkValidate(write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 150) // each validates a whole bundled market (~60 ms)
    void mutatedBundledScenarios(@ForAll("mutants") String text) throws IOException {
        checkValidate(write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 250)
    void randomOverrides(@ForAll("scenarioIndex") int scenario, @ForAll("overrides") List<String> overrides)
            throws IOException {
        Path file = write(bundled.get(scenario).getBytes(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("validate", file.toString()));
        for (String override : overrides) {
            args.add("--set");
            args.add(override);
        }
        checkValidate(args.toArray(String[]::new));
    }

    @Property(tries = 800)
    void randomBytes(@ForAll("bytes") byte[] bytes) throws IOException {
        checkValidate(write(bytes));
    }

    private static Path write(byte[] bytes) throws IOException {
        return Files.write(folder.resolve("fuzz.yaml"), bytes);
    }

    private static void checkValidate(Path file) {
        checkValidate("validate", file.toString());
    }

    private static void checkValidate(String... args) {
        MercatoCliTest.Result result = MercatoCliTest.mercato(args);
        String all = result.out() + result.err();
        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isIn(0, 2);
        assertThat(all).doesNotContain("Exception", "\tat ", "Caused by", "Error:");
        if (result.code() == 2) {
            assertThat(result.errLines()).hasSize(1);
            assertThat(result.err()).startsWith("error: ");
            assertThat(result.err().strip().length())
                    .isGreaterThan("error: ".length())
                    .isLessThan(2_000);
        } else {
            assertThat(result.out()).startsWith("ok: ");
        }
    }

    @Provide
    Arbitrary<Integer> scenarioIndex() {
        return Arbitraries.integers().between(0, bundled.size() - 1);
    }

    @Provide
    Arbitrary<String> documents() {
        return node(4).map(n -> n.render(0));
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, bundled.size() - 1);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(which, mutations).as((i, ms) -> {
            String text = bundled.get(i);
            for (Mutation m : ms) {
                text = m.apply(text);
            }
            return text;
        });
    }

    @Provide
    Arbitrary<List<String>> overrides() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(DOTTED),
                Arbitraries.of(DOTTED).map(k -> k + ".x"),
                Arbitraries.strings().ofMaxLength(12).map(s -> s.isEmpty() ? "x" : s),
                Arbitraries.of(DOTTED).map(k -> k.replace("[0]", "[99999999999]")),
                Arbitraries.of(DOTTED).map(k -> k.replace("[0]", "[-1]")));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(SCALARS), Arbitraries.strings().ofMaxLength(20), node(2).map(n -> n.flow()));
        Arbitrary<String> override = Arbitraries.oneOf(
                Combinators.combine(key, value).as((k, v) -> k + "=" + v),
                Arbitraries.strings().ofMaxLength(15));
        return override.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    /** A random YAML node: a mapping with mostly real keys, a list, or a scalar. */
    private static Arbitrary<Node> node(int depth) {
        Arbitrary<Node> scalar = Arbitraries.oneOf(
                        Arbitraries.of(SCALARS), Arbitraries.strings().ofMaxLength(10))
                .map(Scalar::new);
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(SCALARS)));
        Arbitrary<Node> child = Arbitraries.lazy(() -> node(depth - 1));
        Arbitrary<Node> mapping = Combinators.combine(
                        key.list().ofMaxSize(5), child.list().ofSize(5))
                .as((keys, values) -> {
                    List<Entry> entries = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        entries.add(new Entry(keys.get(i), values.get(i)));
                    }
                    return (Node) new Mapping(entries);
                });
        Arbitrary<Node> list = child.list().ofMaxSize(4).map(Sequence::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(4, mapping), net.jqwik.api.Tuple.of(2, list));
    }

    private sealed interface Node permits Scalar, Mapping, Sequence {
        /** Block style at {@code indent}; a mapping or list starts on its own line. */
        String render(int indent);

        /** Flow style, for a {@code --set} value. */
        String flow();
    }

    private record Scalar(String text) implements Node {
        public String render(int indent) {
            return text;
        }

        public String flow() {
            return text;
        }
    }

    private record Entry(String key, Node value) {}

    private record Mapping(List<Entry> entries) implements Node {
        public String render(int indent) {
            if (entries.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder();
            for (Entry e : entries) {
                out.append("\n").append(" ".repeat(indent)).append(e.key()).append(":");
                String value = e.value().render(indent + 2);
                out.append(value.startsWith("\n") ? value : " " + value);
            }
            return indent == 0 ? out.substring(1) + "\n" : out.toString();
        }

        public String flow() {
            StringBuilder out = new StringBuilder("{");
            for (Entry e : entries) {
                out.append(out.length() > 1 ? ", " : "")
                        .append(e.key())
                        .append(": ")
                        .append(e.value().flow());
            }
            return out.append("}").toString();
        }
    }

    private record Sequence(List<Node> items) implements Node {
        public String render(int indent) {
            if (items.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder();
            for (Node item : items) {
                out.append("\n")
                        .append(" ".repeat(indent))
                        .append("- ")
                        .append(item.render(indent + 2).strip());
            }
            return indent == 0 ? out.substring(1) + "\n" : out.toString();
        }

        public String flow() {
            StringBuilder out = new StringBuilder("[");
            for (Node item : items) {
                out.append(out.length() > 1 ? ", " : "").append(item.flow());
            }
            return out.append("]").toString();
        }
    }

    /** One edit of a scenario's text, at a relative position in [0, 1). */
    private record Mutation(int kind, double at, double length, String token) {
        String apply(String text) {
            if (text.isEmpty()) {
                return token;
            }
            int start = (int) (at * text.length());
            int end = Math.min(text.length(), start + (int) (length * 40));
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (lines.isEmpty()) {
                return token + text;
            }
            int line = Math.min(lines.size() - 1, (int) (at * lines.size()));
            return switch (kind) {
                case 0 -> text.substring(0, start) + text.substring(end); // delete
                case 1 -> text.substring(0, start) + token + text.substring(start); // insert
                case 2 -> { // replace a value after a colon
                    String l = lines.get(line);
                    int colon = l.indexOf(": ");
                    lines.set(line, colon < 0 ? l + token : l.substring(0, colon + 2) + token);
                    yield String.join("\n", lines) + "\n";
                }
                case 3 -> { // duplicate a line
                    lines.add(line, lines.get(line));
                    yield String.join("\n", lines) + "\n";
                }
                default -> { // shift a line's indentation
                    lines.set(line, (length < 0.5 ? "  " : "") + lines.get(line).stripLeading());
                    yield String.join("\n", lines) + "\n";
                }
            };
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1).ofScale(3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.oneOf(
                                Arbitraries.of(SCALARS), Arbitraries.strings().ofMaxLength(6)))
                .as(Mutation::new);
    }
}
