package org.mercato.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/**
 * A scenario run end to end with every output it writes by default, in a JVM of its own so that
 * its peak resident memory is its own: {@link #measure} starts this class's {@code main} as a child
 * process, which runs the scenario into a temporary folder and prints one line with the events it
 * logged, the run's own seconds and its peak RSS (VmHWM from /proc/self/status, Linux; -1
 * elsewhere).
 *
 * <p>Arguments of the child: {@code FILE [KEY=VALUE]...} (overrides, as {@code --set} takes them).
 */
public final class ScaleBench {
    private static final String PREFIX = "scale-bench:";

    private ScaleBench() {}

    /** Events, the run's own seconds, the child process's wall seconds and peak RSS in bytes (-1: unknown). */
    record Measurement(long events, double runSeconds, double processSeconds, long peakRssBytes) {
        double eventsPerSecond() {
            return events / processSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        List<String> overrides = List.of(args).subList(1, args.length);
        Path dir = Files.createTempDirectory("mercato-scale-bench-");
        try {
            long start = System.nanoTime();
            RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), dir, KernelListener.NONE)
                    .run(ScenarioLoader.load(file, overrides));
            double seconds = (System.nanoTime() - start) / 1e9;
            long events;
            try (Stream<String> lines = Files.lines(result.eventLog())) {
                events = lines.count();
            }
            System.out.printf(Locale.ROOT, "%s %d %.3f %d%n", PREFIX, events, seconds, peakRssBytes());
        } finally {
            TempFolders.delete(dir);
        }
    }

    /**
     * Runs {@code file} with {@code overrides} in a child JVM with {@code heap} (for example "4g")
     * and this JVM's classpath; the child's output goes to {@code out}.
     */
    static Measurement measure(Path file, List<String> overrides, String heap, PrintStream out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                ScaleBench.class.getName(),
                file.toString()));
        command.addAll(overrides);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line = null;
        try (var reader = child.inputReader()) {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.startsWith(PREFIX)) {
                    line = l;
                } else {
                    out.println(l);
                }
            }
        }
        int exit = child.waitFor();
        double processSeconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || line == null) {
            throw new IllegalStateException("the scale run failed (exit " + exit + "): " + String.join(" ", command));
        }
        String[] fields = line.substring(PREFIX.length()).trim().split(" ");
        Measurement m = new Measurement(
                Long.parseLong(fields[0]), Double.parseDouble(fields[1]), processSeconds, Long.parseLong(fields[2]));
        out.printf(
                Locale.ROOT,
                "scale: %,d events, run %.2f s, process %.2f s, %,.0f events/s end to end, peak RSS %.0f MB%n",
                m.events(),
                m.runSeconds(),
                m.processSeconds(),
                m.eventsPerSecond(),
                m.peakRssBytes() / 1e6);
        return m;
    }

    /** This process's peak resident set (VmHWM), -1 where /proc is not there. */
    private static long peakRssBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
