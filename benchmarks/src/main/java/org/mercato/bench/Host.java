package org.mercato.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine a suite ran on, for its footer and JSON: the same code reads a few percent apart on
 * two hosts (the kernel rows 0.97 on one and 0.90 on another in the same day), so a reading is
 * compared with readings of the same CPU.
 */
record Host(String cpu, String java) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** This JVM's host: the CPU's model name where Linux gives one, else the architecture. */
    static Host current() {
        List<String> lines = List.of();
        if (Files.isReadable(CPUINFO)) {
            try (Stream<String> cpuinfo = Files.lines(CPUINFO)) {
                lines = cpuinfo.limit(64).toList();
            } catch (IOException | RuntimeException e) {
                lines = List.of();
            }
        }
        return new Host(cpuModel(lines, System.getProperty("os.arch")), System.getProperty("java.version"));
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}'s lines, else {@code fallback}. */
    static String cpuModel(List<String> cpuinfo, String fallback) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String model = line.substring(colon + 1).strip().replaceAll("\\s+", " ");
                if (!model.isEmpty()) {
                    return model;
                }
            }
        }
        return fallback;
    }

    @Override
    public String toString() {
        return cpu + ", Java " + java;
    }
}
