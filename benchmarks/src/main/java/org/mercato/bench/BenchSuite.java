package org.mercato.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mercato.bench.Row.Verdict;

/**
 * The benchmark suite ({@code ./mercato bench}): the kernel, scale (at a reduced size), LLM
 * concurrency, sweep, output-cost, pricing, startup and storefront-screenshot benchmarks in one command, printed as one
 * table of value, baseline measured in the same run, ratio and the goal it is held to.
 *
 * <p>Arguments: {@code [--quick] [--only name,...] [--json FILE] [--verbose]}; names are {@link
 * #BENCHMARKS}. {@code --verbose} also prints each benchmark's own output (to stderr). Run from the
 * checkout's root, or set {@code -Dmercato.root}. Exit code 1 if a benchmark failed to run, 2 for
 * bad arguments; a goal missed is a row marked FAIL, not an error.
 */
public final class BenchSuite {
    /** The benchmarks, in the order they run. */
    static final List<String> BENCHMARKS =
            List.of("kernel", "scale", "llm", "sweep", "output", "pricing", "startup", "render");

    private BenchSuite() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("mercato.root", "."))
                .toAbsolutePath()
                .normalize();
        SuiteSize size = SuiteSize.full(root);
        Set<String> only = new LinkedHashSet<>(BENCHMARKS);
        Path json = null;
        boolean verbose = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> size = SuiteSize.quick(root);
                    case "--verbose" -> verbose = true;
                    case "--json" -> json = Path.of(value(args, ++i, "--json"));
                    case "--only" -> only = names(value(args, ++i, "--only"));
                    case "-h", "--help" -> {
                        System.out.println("usage: mercato bench [--quick] [--only " + String.join(",", BENCHMARKS)
                                + "] [--json FILE] [--verbose]");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        long start = System.nanoTime();
        PrintStream details = verbose ? System.err : new PrintStream(OutputStream.nullOutputStream());
        Report report = run(size, only, details, System.err);
        System.out.println(report.table());
        System.out.printf(
                Locale.ROOT,
                "%s suite, %d cores (%s), load average %.1f at the start; %.0f s in all%n",
                size.name(),
                Runtime.getRuntime().availableProcessors(),
                report.host(),
                report.loadAverage(),
                (System.nanoTime() - start) / 1e9);
        if (json != null) {
            report.writeJson(json);
        }
        if (report.failedToRun()) {
            System.exit(1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!BENCHMARKS.contains(name.strip())) {
                throw new IllegalArgumentException(
                        "unknown benchmark '" + name.strip() + "' (known: " + String.join(", ", BENCHMARKS) + ")");
            }
            names.add(name.strip());
        }
        return names;
    }

    /**
     * Runs the benchmarks named in {@code only} (in the suite's order) at {@code size}; their own
     * output goes to {@code details}, one progress line per benchmark to {@code progress}. A
     * benchmark that throws gives an error row and the others still run.
     */
    static Report run(SuiteSize size, Set<String> only, PrintStream details, PrintStream progress) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        Map<String, Double> shared = new LinkedHashMap<>();
        for (String name : BENCHMARKS) {
            if (!only.contains(name)) {
                continue;
            }
            progress.printf(Locale.ROOT, "running %s...%n", name);
            long start = System.nanoTime();
            try {
                rows.addAll(rows(name, size, details, shared));
            } catch (Exception | AssertionError e) {
                rows.add(Row.error(name, e));
                e.printStackTrace(details);
            }
            progress.printf(Locale.ROOT, "  %s took %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        }
        return new Report(size.name(), Host.current(), load, rows);
    }

    private static List<Row> rows(String name, SuiteSize size, PrintStream out, Map<String, Double> shared)
            throws Exception {
        return switch (name) {
            case "kernel" -> SuiteRows.kernel(size, out, shared);
            case "scale" -> SuiteRows.scale(size, out, shared);
            case "llm" -> SuiteRows.llm(size, out);
            case "sweep" -> SuiteRows.sweep(size, out);
            case "output" -> SuiteRows.output(size, out);
            case "pricing" -> SuiteRows.pricing(size, out);
            case "startup" -> SuiteRows.startup(size, out);
            case "render" -> SuiteRows.render(size, out);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The rows of one run of the suite, with the machine and its load average when it started. */
    record Report(String size, Host host, double loadAverage, List<Row> rows) {
        boolean failedToRun() {
            return rows.stream().anyMatch(r -> r.verdict() == Verdict.ERROR);
        }

        String table() {
            return Row.table(rows);
        }

        /** Writes the rows as JSON (NaN as null) to a temporary file renamed over {@code file}. */
        void writeJson(Path file) throws IOException {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("suite", size);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("cpu", host.cpu());
            doc.put("java", host.java());
            doc.put("loadAverage", finite(loadAverage));
            doc.put("rows", rows.stream().map(Row::asMap).toList());
            Path absolute = file.toAbsolutePath();
            Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), doc);
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
