package org.mercato.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line's wall time as a user sees it: {@code LAUNCHER validate FILE} and {@code LAUNCHER
 * run FILE --quiet --out TMP} as child processes, against a bare JVM start ({@code java -version}),
 * medians of {@code repetitions} after one untimed call if {@code warmup} (which builds the project
 * or creates a class-data archive if the launcher does that on first use).
 */
final class StartupBench {
    private StartupBench() {}

    /** Median wall seconds of a bare JVM start, of validate and of a run. */
    record Measurement(double jvmSeconds, double validateSeconds, double runSeconds) {}

    static Measurement measure(List<String> launcher, Path scenario, int repetitions, boolean warmup, PrintStream out)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mercato-startup-bench-");
        try {
            List<String> java = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version");
            List<String> validate = concat(launcher, "validate", scenario.toString());
            List<String> run = concat(launcher, "run", scenario.toString(), "--quiet", "--out", dir.toString());
            if (warmup) {
                time(validate, out); // untimed: a first call may build or write a class-data archive
            }
            List<Double> jvm = new ArrayList<>();
            List<Double> validated = new ArrayList<>();
            List<Double> ran = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                jvm.add(time(java, out));
                validated.add(time(validate, out));
                ran.add(time(run, out));
            }
            Measurement m =
                    new Measurement(KernelBench.median(jvm), KernelBench.median(validated), KernelBench.median(ran));
            out.printf(
                    Locale.ROOT,
                    "startup (median of %d): java -version %.2f s, validate %.2f s, run %.2f s%n",
                    repetitions,
                    m.jvmSeconds(),
                    m.validateSeconds(),
                    m.runSeconds());
            return m;
        } finally {
            TempFolders.delete(dir);
        }
    }

    /** Wall seconds of one child process; its output goes to {@code out}; a failure throws with it. */
    static double time(List<String> command, PrintStream out) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        int exit = child.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = new String(output, StandardCharsets.UTF_8);
        if (exit != 0) {
            // the last line says why (the first may be the launcher saying it rebuilds)
            List<String> lines = text.strip().lines().toList();
            throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command) + ": "
                    + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
        }
        out.print(text);
        return seconds;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
