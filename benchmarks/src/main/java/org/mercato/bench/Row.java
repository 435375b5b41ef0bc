package org.mercato.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the suite's table: what was measured, its value, the baseline measured in the same
 * run and their ratio, the goal the value or ratio is held to and whether it met it.
 */
record Row(
        String benchmark,
        String measured,
        double value,
        String unit,
        double baseline,
        String baselineLabel,
        String goal,
        Verdict verdict,
        String note) {

    private static final Pattern RATIO_GOAL = Pattern.compile("ratio ([<>]=) ([0-9.]+)");

    /** Whether a row met its goal. */
    enum Verdict {
        PASS("pass"),
        FAIL("FAIL"),
        /** no goal for this figure: tracked for regressions only */
        NONE("-"),
        /** the goal is for the full size, the row measured a reduced one */
        REDUCED("n/a (reduced size)"),
        ERROR("ERROR");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? PASS : FAIL;
        }
    }

    /** The value over the baseline (NaN without a baseline). */
    double ratio() {
        return value / baseline;
    }

    static Row error(String benchmark, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Row(
                benchmark,
                "failed to run",
                Double.NaN,
                "",
                Double.NaN,
                "",
                "",
                Verdict.ERROR,
                message.lines().findFirst().orElse(""));
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("benchmark", benchmark);
        map.put("measured", measured);
        map.put("value", BenchSuite.finite(value));
        map.put("unit", unit);
        map.put("baseline", BenchSuite.finite(baseline));
        map.put("baselineLabel", baselineLabel);
        map.put("ratio", BenchSuite.finite(ratio()));
        map.put("goal", goal);
        map.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
        map.put("note", note);
        return map;
    }

    /**
     * The ratio with three decimals, or more when three would read as the other side of a {@code
     * ratio >= x} or {@code ratio <= x} goal than the verdict (0.9497 against 0.95 would print as
     * 0.950 beside FAIL).
     */
    String ratioText() {
        double ratio = ratio();
        if (Double.isNaN(ratio)) {
            return "-";
        }
        Matcher goal = RATIO_GOAL.matcher(this.goal);
        int decimals = 3;
        if (goal.find() && (verdict == Verdict.PASS || verdict == Verdict.FAIL)) {
            double threshold = Double.parseDouble(goal.group(2));
            boolean atLeast = goal.group(1).equals(">=");
            while (decimals < 6) {
                double shown = Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", ratio));
                boolean looksMet = atLeast ? shown >= threshold : shown <= threshold;
                if (looksMet == (verdict == Verdict.PASS)) {
                    break;
                }
                decimals++;
            }
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", ratio);
    }

    /** The rows as a Markdown table with aligned columns. */
    static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"benchmark", "measured", "value", "baseline", "ratio", "goal", "result", "note"});
        for (Row row : rows) {
            cells.add(new String[] {
                row.benchmark,
                row.measured,
                number(row.value, row.unit),
                Double.isNaN(row.baseline)
                        ? "-"
                        : number(row.baseline, row.unit) + (row.baselineLabel.isEmpty() ? "" : " " + row.baselineLabel),
                row.ratioText(),
                row.goal.isEmpty() ? "-" : row.goal,
                row.verdict.label,
                row.note
            });
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            appendLine(out, cells.get(n), widths);
            if (n == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(Math.max(3, widths[i]));
                }
                appendLine(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        out.append('|');
        for (int i = 0; i < line.length; i++) {
            out.append(' ')
                    .append(line[i])
                    .append(" ".repeat(widths[i] - line[i].length()))
                    .append(" |");
        }
        out.append('\n');
    }

    /** A figure with its unit: thousands separated, two decimals below ten, one below a thousand. */
    static String number(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double size = Math.abs(value);
        String pattern = size >= 1000 ? "%,.0f" : size >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value) + (unit.isEmpty() ? "" : " " + unit);
    }
}
