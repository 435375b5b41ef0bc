package org.mercato.sim.kernel;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 250us}, {@code 20ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 30d} into microseconds. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h|d)\\s*");

    private Durations() {}

    public static long parseMicros(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 250us, 20ms, 1.5s, 2m, 1h or 30d, got '" + text + "'");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long unit = switch (m.group(2)) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "s" -> 1_000_000L;
            case "m" -> 60_000_000L;
            case "h" -> 3_600_000_000L;
            default -> 86_400_000_000L;
        };
        BigDecimal micros = amount.multiply(BigDecimal.valueOf(unit));
        if (micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public static String format(long micros) {
        if (micros % 1_000_000 == 0) {
            return micros / 1_000_000 + "s";
        }
        if (micros % 1_000 == 0) {
            return micros / 1_000 + "ms";
        }
        return micros + "us";
    }
}
