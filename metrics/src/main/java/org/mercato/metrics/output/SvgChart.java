package org.mercato.metrics.output;

import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts: horizontal bars with optional intervals, and a column series.
 * Public for the other reports (the sweep report) to reuse.
 */
public final class SvgChart {
    public static final String BLUE = "#4f81bd";
    public static final String RED = "#c0504d";
    public static final String GREY = "#a5a5a5";
    public static final String PURPLE = "#8064a2";

    /** One bar: its label, value, an optional interval (null for none) and colour (null: blue, red below 0). */
    public record Bar(String label, double value, Double lower, Double upper, String colour) {
        public Bar(String label, double value, Double lower, Double upper) {
            this(label, value, lower, upper, null);
        }

        public static Bar of(String label, double value) {
            return new Bar(label, value, null, null);
        }

        public static Bar of(String label, double value, String colour) {
            return new Bar(label, value, null, null, colour);
        }
    }

    private static final int WIDTH = 640;
    private static final int LABEL = 170;
    private static final int ROW = 24;

    private SvgChart() {}

    /** Horizontal bars on a common axis that includes zero; intervals drawn as whiskers. */
    public static String bars(List<Bar> bars, String unit) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">no data</p>";
        }
        double min = 0;
        double max = 0;
        for (Bar bar : bars) {
            min = Math.min(min, Math.min(bar.value(), bar.lower() == null ? bar.value() : bar.lower()));
            max = Math.max(max, Math.max(bar.value(), bar.upper() == null ? bar.value() : bar.upper()));
        }
        if (max == min) {
            max = min + 1;
        }
        int plot = WIDTH - LABEL - 80;
        int height = bars.size() * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, height));
        double zero = LABEL + plot * (0 - min) / (max - min);
        svg.append(line(zero, 0, zero, height - 4, "#888"));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = i * ROW + 4;
            double x = LABEL + plot * (bar.value() - min) / (max - min);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"label\">%s</text>",
                    LABEL - 8,
                    y + 14,
                    escape(bar.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
                    Math.min(x, zero),
                    y + 2,
                    Math.abs(x - zero),
                    bar.colour() != null ? bar.colour() : bar.value() < 0 ? RED : BLUE));
            double right = Math.max(x, zero);
            if (bar.lower() != null && bar.upper() != null) {
                double lo = LABEL + plot * (bar.lower() - min) / (max - min);
                double hi = LABEL + plot * (bar.upper() - min) / (max - min);
                svg.append(line(lo, y + 10, hi, y + 10, "#222"));
                svg.append(line(lo, y + 5, lo, y + 15, "#222"));
                svg.append(line(hi, y + 5, hi, y + 15, "#222"));
                right = Math.max(right, hi);
            }
            // the value goes right of the bar and its whisker, so neither crosses it
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" class=\"value\">%s%s</text>",
                    right + 6,
                    y + 14,
                    number(bar.value()),
                    unit));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** A column per bucket (for a timeline), with the first and last labels under the axis. */
    static String columns(List<Long> counts, String firstLabel, String lastLabel) {
        if (counts.isEmpty()) {
            return "<p class=\"empty\">no data</p>";
        }
        long max = 1;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        int height = 180;
        double width = (WIDTH - 40) / (double) counts.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, height + 30));
        for (int i = 0; i < counts.size(); i++) {
            // the tallest column stops below the "max" label at the top
            double h = (height - 24) * counts.get(i) / (double) max;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#4f81bd\"/>",
                    20 + i * width,
                    height - h,
                    Math.max(width - 1, 0.5),
                    h));
        }
        svg.append(line(20, height, WIDTH - 20, height, "#888"));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"20\" y=\"%d\" class=\"label\">%s</text>", height + 18, escape(firstLabel)));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>",
                WIDTH - 20,
                height + 18,
                escape(lastLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"12\" class=\"label\">max %d events</text>", max));
        svg.append("</svg>");
        return svg.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1,
                y1,
                x2,
                y2,
                colour);
    }

    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.3f" : "%,.2f", value);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
