package org.mercato.scenarios.dynamics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.mercato.scenarios.model.Duration;

/**
 * A trace of arrival times, one CSV line per customer in catalog order: the first field is the time
 * since the market opened, in seconds ({@code 3600}, {@code 5400.5}) or as a duration ({@code 90m},
 * {@code 1.5h}, {@code 2d}); further fields are ignored. Blank lines and lines starting with
 * {@code #} are skipped, and so is a header on the first line ({@code time,...}).
 */
public final class ArrivalTrace {
    private ArrivalTrace() {}

    /**
     * What is wrong with a trace: the file, the 1-based line (0 when the problem is the file itself)
     * and what was expected.
     */
    public record Problem(Path file, int line, String text) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + text : text;
        }
    }

    /** A trace that cannot be read, or a line of it that is not a time. */
    public static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Problem problem;

        FormatException(Path file, int line, String text) {
            this(new Problem(file, line, text));
        }

        private FormatException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public static long[] read(Path file) {
        long[] times = new long[64];
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            boolean first = true;
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String field = firstField(text);
                if (first && !field.isEmpty() && Character.isLetter(field.charAt(0))) {
                    first = false;
                    continue; // a header
                }
                first = false;
                if (count == times.length) {
                    times = Arrays.copyOf(times, 2 * count);
                }
                times[count++] = time(file, number, field);
            }
        } catch (NoSuchFileException e) {
            throw new FormatException(file, 0, "no arrivals trace " + file);
        } catch (IOException e) {
            throw new FormatException(
                    file,
                    0,
                    "cannot read the arrivals trace " + file + ": "
                            + e.getClass().getSimpleName());
        }
        if (count == 0) {
            throw new FormatException(file, 0, "the arrivals trace " + file + " holds no times");
        }
        return Arrays.copyOf(times, count);
    }

    private static String firstField(String text) {
        int comma = text.indexOf(',');
        String field = (comma < 0 ? text : text.substring(0, comma)).strip();
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1).strip()
                : field;
    }

    private static long time(Path file, int line, String field) {
        String shown = field.length() > 40 ? field.substring(0, 40) + "..." : field;
        try {
            if (field.matches("\\d+(\\.\\d+)?")) {
                return Duration.parse(field + "s").micros();
            }
            return Duration.parse(field).micros();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FormatException(
                    file,
                    line,
                    "expected a time since the market opened, in seconds (3600) or as a duration (90m, 1.5h, 2d),"
                            + " got '" + shown + "'");
        }
    }
}
