package org.mercato.metrics.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts: horizontal bars with optional intervals and markers, a column
 * series, lines with intervals over categories, and lines over time ({@link #traces}). Every chart has both axes titled (with their units) and is sized
 * to its labels ({@link TextWidth}), so no label is clipped; a label cut to {@value #MAX_LABEL}
 * characters keeps its full text as a tooltip. Public for the other reports (the sweep report).
 */
public final class SvgChart {
    public static final String BLUE = "#4f81bd";
    public static final String RED = "#c0504d";
    public static final String GREY = "#a5a5a5";
    public static final String PURPLE = "#8064a2";
    public static final String ORANGE = "#e8871e";
    public static final String GREEN = "#9bbb59";

    /** Line colours, one per series in order (then repeated). */
    private static final List<String> SERIES = List.of(BLUE, RED, GREEN, PURPLE, "#4bacc6", ORANGE, "#7f7f7f");

    /** The longest label drawn in full; longer ones are cut and keep the whole as a tooltip. */
    public static final int MAX_LABEL = 48;

    private static final double FONT = 12;
    private static final int ROW = 24;
    private static final int PLOT = 400;

    /** The titles of a chart's axes, units included ("Customer welfare (currency units)"). */
    public record Axes(String x, String y) {}

    /**
     * One bar: its label, value, an optional interval (null for none), colour (null: blue, red
     * below 0), an optional marker (a value drawn as an orange diamond, e.g. a planted one) and an
     * optional link (null: none) that the bar and its label open, with {@code linkTitle} as its tooltip.
     */
    public record Bar(
            String label,
            double value,
            Double lower,
            Double upper,
            String colour,
            Double marker,
            String link,
            String linkTitle) {
        public Bar(String label, double value, Double lower, Double upper, String colour, Double marker) {
            this(label, value, lower, upper, colour, marker, null, null);
        }

        public Bar(String label, double value, Double lower, Double upper, String colour) {
            this(label, value, lower, upper, colour, null);
        }

        public Bar(String label, double value, Double lower, Double upper) {
            this(label, value, lower, upper, null, null);
        }

        public static Bar of(String label, double value) {
            return new Bar(label, value, null, null);
        }

        public static Bar of(String label, double value, String colour) {
            return new Bar(label, value, null, null, colour);
        }

        /** This bar opening {@code href} (null: no link), with {@code title} as the link's tooltip. */
        public Bar linkedTo(String href, String title) {
            return new Bar(label, value, lower, upper, colour, marker, href, title);
        }
    }

    /** A point of a line: a mean and its interval (null bounds: none), or null where there is no data. */
    public record Point(double mean, Double lower, Double upper) {}

    /** One line: its name in the legend and a point per x level (null: no data there). */
    public record Series(String name, List<Point> points) {}

    private SvgChart() {}

    /**
     * Horizontal bars on a common axis that includes zero; intervals drawn as whiskers, markers as
     * diamonds; the value axis at the bottom with ticks, its title under it, the category axis's title
     * above the labels.
     */
    public static String bars(List<Bar> bars, String unit, Axes axes) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">no data</p>";
        }
        double min = 0;
        double max = 0;
        double widestValue = 0;
        for (Bar bar : bars) {
            min = Math.min(min, Math.min(bar.value(), bar.lower() == null ? bar.value() : bar.lower()));
            max = Math.max(max, Math.max(bar.value(), bar.upper() == null ? bar.value() : bar.upper()));
            if (bar.marker() != null) {
                min = Math.min(min, bar.marker());
                max = Math.max(max, bar.marker());
            }
            widestValue = Math.max(widestValue, TextWidth.of(number(bar.value()) + unit, FONT));
        }
        Ticks ticks = Ticks.of(min, max);
        min = ticks.min();
        max = ticks.max();
        double widestLabel = 0;
        for (Bar bar : bars) {
            widestLabel = Math.max(widestLabel, TextWidth.of(cut(bar.label()), FONT));
        }
        // the category axis's title heads the label column, the bars start below it
        double top = 22;
        double left = Math.max(8 + widestLabel + 10, 8);
        double right = widestValue + 16;
        double plotBottom = top + bars.size() * ROW + 8;
        double height = plotBottom + 44;
        double width = Math.max(
                Math.max(left + PLOT + right, TextWidth.of(axes.x(), FONT) + left + 10),
                8 + TextWidth.of(axes.y(), FONT) + 8);
        Scale scale = new Scale(min, max, left, left + PLOT);
        StringBuilder svg = open(width, height);
        double zero = scale.at(0);
        svg.append(line(zero, top, zero, plotBottom, "#888"));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"14\" text-anchor=\"%s\" class=\"axis-title\">%s</text>",
                TextWidth.of(axes.y(), FONT) <= left - 8 ? left - 8 : 8,
                TextWidth.of(axes.y(), FONT) <= left - 8 ? "end" : "start",
                escape(axes.y())));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * ROW + 4;
            double x = scale.at(bar.value());
            if (bar.link() != null) {
                svg.append("<a href=\"").append(escape(bar.link())).append("\" class=\"bar-link\">");
                if (bar.linkTitle() != null) {
                    svg.append("<title>").append(escape(bar.linkTitle())).append("</title>");
                }
            }
            svg.append(label(left - 8, y + 14, "end", bar.label()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
                    Math.min(x, zero),
                    y + 2,
                    Math.abs(x - zero),
                    bar.colour() != null ? bar.colour() : bar.value() < 0 ? RED : BLUE));
            double rightmost = Math.max(x, zero);
            if (bar.lower() != null && bar.upper() != null) {
                double lo = scale.at(bar.lower());
                double hi = scale.at(bar.upper());
                svg.append(line(lo, y + 10, hi, y + 10, "#222"));
                svg.append(line(lo, y + 5, lo, y + 15, "#222"));
                svg.append(line(hi, y + 5, hi, y + 15, "#222"));
                rightmost = Math.max(rightmost, hi);
            }
            if (bar.marker() != null) {
                double m = scale.at(bar.marker());
                svg.append(String.format(
                        Locale.ROOT,
                        "<path class=\"marker\" d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\" fill=\"%s\" stroke=\"#222\"/>",
                        m,
                        y + 5,
                        ORANGE));
                rightmost = Math.max(rightmost, m + 5);
            }
            // the value goes right of the bar, its whisker and marker, so none crosses it
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" class=\"value\">%s%s</text>",
                    rightmost + 6,
                    y + 14,
                    number(bar.value()),
                    escape(unit)));
            if (bar.link() != null) {
                svg.append("</a>");
            }
        }
        xAxis(svg, scale, ticks, plotBottom, axes.x());
        return svg.append("</svg>").toString();
    }

    /**
     * Where an upright axis title is centred: at {@code preferred}, or lower when it would
     * otherwise run over the top of the chart.
     */
    private static double titleCentre(double preferred, String title) {
        return Math.max(preferred, TextWidth.of(title, FONT) / 2 + 4);
    }

    /**
     * A column per bucket (a timeline): {@code counts} over {@code [0, xMax]} on the x axis (in the
     * unit of its title), ticks on both axes.
     */
    public static String columns(List<Long> counts, double xMax, Axes axes) {
        if (counts.isEmpty()) {
            return "<p class=\"empty\">no data</p>";
        }
        long max = 1;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        Ticks yTicks = Ticks.of(0, max);
        Ticks xTicks = Ticks.of(0, xMax);
        double left = 24 + widestTick(yTicks) + 8;
        int plotHeight = 170;
        double top = 10;
        double plotBottom = top + plotHeight;
        // the last x tick's number is centred on the plot's right edge: room for its half
        double width = left + 560 + Math.max(20, widestTick(xTicks) / 2 + 4);
        Scale x = new Scale(0, xTicks.max(), left, left + 560);
        Scale y = new Scale(0, yTicks.max(), plotBottom, top);
        double yTitleAt = titleCentre((top + plotBottom) / 2, axes.y());
        StringBuilder svg = open(width, Math.max(plotBottom + 44, yTitleAt + TextWidth.of(axes.y(), FONT) / 2 + 4));
        double bucket = xMax / counts.size();
        for (int i = 0; i < counts.size(); i++) {
            double x0 = x.at(i * bucket);
            double x1 = x.at((i + 1) * bucket);
            double h = plotBottom - y.at(counts.get(i));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>",
                    x0,
                    plotBottom - h,
                    Math.max(x1 - x0 - 1, 0.5),
                    h,
                    BLUE));
        }
        yAxis(svg, y, yTicks, left);
        xAxis(svg, x, xTicks, plotBottom, axes.x());
        yTitle(svg, 14, yTitleAt, axes.y());
        return svg.append("</svg>").toString();
    }

    /**
     * Lines over categorical x levels, one per series, each point with its interval as a whisker; x
     * labels wrapped at ", " to fit their slot (turned when a part still does not); a legend of the
     * series, titled {@code legendTitle}, under the plot.
     */
    public static String lines(List<String> levels, List<Series> series, String legendTitle, Axes axes) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (p != null) {
                    min = Math.min(min, p.lower() == null ? p.mean() : Math.min(p.lower(), p.mean()));
                    max = Math.max(max, p.upper() == null ? p.mean() : Math.max(p.upper(), p.mean()));
                }
            }
        }
        if (levels.isEmpty() || min > max) {
            return "<p class=\"empty\">no data</p>";
        }
        Ticks ticks = Ticks.of(min, max);
        double step = Math.max(60, Math.min(200, 480.0 / levels.size()));
        List<List<String>> wrapped = new ArrayList<>();
        double widestPart = 0;
        double widestLevel = 0;
        int lineCount = 1;
        for (String level : levels) {
            List<String> parts = wrap(cut(level), step - 8);
            wrapped.add(parts);
            lineCount = Math.max(lineCount, parts.size());
            for (String part : parts) {
                widestPart = Math.max(widestPart, TextWidth.of(part, FONT));
            }
            widestLevel = Math.max(widestLevel, TextWidth.of(cut(level), FONT));
        }
        boolean turned = widestPart > step - 8;
        double left = 24 + widestTick(ticks) + 8;
        // a turned label (-35°) reaches down by sin and left by cos of its length
        double below = turned ? widestLevel * Math.sin(Math.toRadians(35)) + 16 : 4 + 14 * lineCount;
        if (turned) {
            left = Math.max(left, 8 + widestLevel * Math.cos(Math.toRadians(35)) - step / 2);
        }
        double plotWidth = step * levels.size();
        double top = 10;
        double plotBottom = top + 200;
        double axisTitleY = plotBottom + below + 20;
        double legendTop = axisTitleY + 22;
        double legendWidth = TextWidth.of(cut(legendTitle), FONT);
        for (Series s : series) {
            legendWidth = Math.max(legendWidth, 22 + TextWidth.of(cut(s.name()), FONT));
        }
        double width = Math.max(left + plotWidth + 12, left + legendWidth + 12);
        width = Math.max(width, left + TextWidth.of(axes.x(), FONT) + 12);
        double yTitleAt = titleCentre((top + plotBottom) / 2, axes.y());
        double height = Math.max(legendTop + 18 * series.size() + 8, yTitleAt + TextWidth.of(axes.y(), FONT) / 2 + 4);
        Scale y = new Scale(ticks.min(), ticks.max(), plotBottom, top);
        StringBuilder svg = open(width, height);
        yAxis(svg, y, ticks, left);
        svg.append(line(left, plotBottom, left + plotWidth, plotBottom, "#888"));
        for (int i = 0; i < levels.size(); i++) {
            double x = left + step * (i + 0.5);
            svg.append(line(x, plotBottom, x, plotBottom + 4, "#888"));
            String tooltip =
                    cut(levels.get(i)).equals(levels.get(i)) ? "" : "<title>" + escape(levels.get(i)) + "</title>";
            if (turned) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %.1f)\""
                                + " class=\"tick\">%s%s</text>",
                        x,
                        plotBottom + 14,
                        x,
                        plotBottom + 14,
                        escape(cut(levels.get(i))),
                        tooltip));
            } else {
                StringBuilder text = new StringBuilder();
                List<String> parts = wrapped.get(i);
                for (int k = 0; k < parts.size(); k++) {
                    text.append(String.format(
                            Locale.ROOT,
                            "<tspan x=\"%.1f\" dy=\"%d\">%s</tspan>",
                            x,
                            k == 0 ? 0 : 14,
                            escape(parts.get(k))));
                }
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"tick\">%s%s</text>",
                        x,
                        plotBottom + 16,
                        text,
                        tooltip));
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis-title\">%s</text>",
                left + plotWidth / 2,
                axisTitleY,
                escape(axes.x())));
        yTitle(svg, 14, yTitleAt, axes.y());
        svg.append(label(left, legendTop, "start", legendTitle));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = SERIES.get(k % SERIES.size());
            double offset = (k - (series.size() - 1) / 2.0) * Math.min(6, step / (2.0 * series.size()));
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < levels.size(); i++) {
                Point p = i < s.points().size() ? s.points().get(i) : null;
                if (p == null) {
                    continue;
                }
                double x = left + step * (i + 0.5) + offset;
                double py = y.at(p.mean());
                path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, py));
                if (p.lower() != null && p.upper() != null) {
                    svg.append(line(x, y.at(p.lower()), x, y.at(p.upper()), colour));
                    svg.append(line(x - 3, y.at(p.lower()), x + 3, y.at(p.lower()), colour));
                    svg.append(line(x - 3, y.at(p.upper()), x + 3, y.at(p.upper()), colour));
                }
                dot(svg, x, py, colour, s.name() + ": " + number(p.mean()));
            }
            seriesLine(svg, path, colour);
            legendEntry(svg, left, legendTop + 18 * (k + 1), colour, s.name());
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One line over a numeric x axis: its name in the legend, a y per x (null: a gap in the line), and
     * its colour (null: the next of the series colours).
     */
    public record Trace(String name, List<Double> x, List<Double> y, String colour) {
        public Trace(String name, List<Double> x, List<Double> y) {
            this(name, x, y, null);
        }

        public Trace {
            x = List.copyOf(x);
            y = java.util.Collections.unmodifiableList(new ArrayList<>(y));
            if (x.size() != y.size()) {
                throw new IllegalArgumentException("trace " + name + ": " + x.size() + " x for " + y.size() + " y");
            }
        }
    }

    /**
     * Lines over a numeric x axis (time), one per trace, each point a dot with its value as a tooltip;
     * both axes with ticks and titled, the y axis including zero; a legend of the traces, titled
     * {@code legendTitle}, under the plot.
     */
    public static String traces(List<Trace> traces, String legendTitle, Axes axes) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = 0;
        double yMax = 0;
        boolean any = false;
        for (Trace trace : traces) {
            for (int i = 0; i < trace.x().size(); i++) {
                xMin = Math.min(xMin, trace.x().get(i));
                xMax = Math.max(xMax, trace.x().get(i));
                Double y = trace.y().get(i);
                if (y != null) {
                    any = true;
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        if (!any) {
            return "<p class=\"empty\">no data</p>";
        }
        Ticks xTicks = Ticks.of(xMin, xMax);
        Ticks yTicks = Ticks.of(yMin, yMax);
        double left = 24 + widestTick(yTicks) + 8;
        double plotWidth = 560;
        double top = 10;
        double plotBottom = top + 200;
        double legendTop = plotBottom + 36 + 22;
        double legendWidth = TextWidth.of(cut(legendTitle), FONT);
        for (Trace trace : traces) {
            legendWidth = Math.max(legendWidth, 22 + TextWidth.of(cut(trace.name()), FONT));
        }
        // the last x tick's number is centred on the plot's right edge
        double width = Math.max(left + plotWidth + 12 + widestTick(xTicks) / 2, left + legendWidth + 12);
        width = Math.max(width, left + plotWidth / 2 + TextWidth.of(axes.x(), FONT) / 2 + 8);
        double yTitleAt = titleCentre((top + plotBottom) / 2, axes.y());
        double height = Math.max(legendTop + 18 * traces.size() + 8, yTitleAt + TextWidth.of(axes.y(), FONT) / 2 + 4);
        Scale x = new Scale(xTicks.min(), xTicks.max(), left, left + plotWidth);
        Scale y = new Scale(yTicks.min(), yTicks.max(), plotBottom, top);
        StringBuilder svg = open(width, height);
        yAxis(svg, y, yTicks, left);
        xAxis(svg, x, xTicks, plotBottom, axes.x());
        yTitle(svg, 14, yTitleAt, axes.y());
        svg.append(label(left, legendTop, "start", legendTitle));
        for (int k = 0; k < traces.size(); k++) {
            Trace trace = traces.get(k);
            String colour = trace.colour() != null ? trace.colour() : SERIES.get(k % SERIES.size());
            StringBuilder path = new StringBuilder();
            boolean gap = true;
            for (int i = 0; i < trace.x().size(); i++) {
                Double value = trace.y().get(i);
                if (value == null) {
                    gap = true;
                    continue;
                }
                double px = x.at(trace.x().get(i));
                double py = y.at(value);
                path.append(gap ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                gap = false;
                dot(svg, px, py, colour, trace.name() + " at " + tick(trace.x().get(i)) + ": " + number(value));
            }
            if (path.length() > 0) {
                seriesLine(svg, path, colour);
            }
            legendEntry(svg, left, legendTop + 18 * (k + 1), colour, trace.name());
        }
        return svg.append("</svg>").toString();
    }

    /** A series' point: a dot with its value as a tooltip. */
    private static void dot(StringBuilder svg, double x, double y, String colour, String tooltip) {
        svg.append(String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s</title></circle>",
                x,
                y,
                colour,
                escape(tooltip)));
    }

    private static void seriesLine(StringBuilder svg, CharSequence path, String colour) {
        svg.append(String.format(
                Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path, colour));
    }

    /** A legend row at baseline {@code y}: a short thick line in the series' colour, then its name. */
    private static void legendEntry(StringBuilder svg, double left, double y, String colour, String name) {
        svg.append(line(left, y - 4, left + 16, y - 4, colour).replace("/>", " stroke-width=\"3\"/>"));
        svg.append(label(left + 22, y, "start", name));
    }

    /** {@code text} in lines no wider than {@code width}, broken after ", " where it can be. */
    static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : text.split("(?<=, )")) {
            if (current.length() > 0 && TextWidth.of((current + part).strip(), FONT) > width) {
                lines.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(part);
        }
        lines.add(current.toString().strip());
        return lines;
    }

    private static StringBuilder open(double width, double height) {
        return new StringBuilder(4096)
                .append(String.format(
                        Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", (int) Math.ceil(width), (int)
                                Math.ceil(height)));
    }

    /** The value axis along the bottom of the plot: a line, tick marks with numbers, the title below. */
    private static void xAxis(StringBuilder svg, Scale scale, Ticks ticks, double bottom, String title) {
        svg.append(line(scale.from(), bottom, scale.to(), bottom, "#888"));
        for (double t : ticks.values()) {
            double x = scale.at(t);
            svg.append(line(x, bottom, x, bottom + 4, "#888"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"tick\">%s</text>",
                    x,
                    bottom + 16,
                    tick(t)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis-title\">%s</text>",
                (scale.from() + scale.to()) / 2,
                bottom + 36,
                escape(title)));
    }

    /** A vertical value axis at {@code x}: a line, tick marks and their numbers left of it. */
    private static void yAxis(StringBuilder svg, Scale scale, Ticks ticks, double x) {
        svg.append(line(x, scale.from(), x, scale.to(), "#888"));
        for (double t : ticks.values()) {
            double y = scale.at(t);
            svg.append(line(x - 4, y, x, y, "#888"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    x - 6,
                    y + 4,
                    tick(t)));
        }
    }

    /** An axis title turned upright, centred on {@code (x, y)}. */
    private static void yTitle(StringBuilder svg, double x, double y, String title) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\""
                        + " class=\"axis-title\">%s</text>",
                x,
                y,
                x,
                y,
                escape(title)));
    }

    private static double widestTick(Ticks ticks) {
        double widest = 0;
        for (double t : ticks.values()) {
            widest = Math.max(widest, TextWidth.of(tick(t), FONT));
        }
        return widest;
    }

    private static String label(double x, double y, String anchor, String text) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"label\">%s</text>",
                x,
                y,
                anchor,
                labelText(text));
    }

    /** The label's text, cut to {@value #MAX_LABEL} characters with the whole as its tooltip. */
    private static String labelText(String text) {
        String shown = cut(text);
        return shown.equals(text) ? escape(text) : escape(shown) + "<title>" + escape(text) + "</title>";
    }

    /** {@code text}, or its first characters and an ellipsis when longer than {@value #MAX_LABEL}. */
    public static String cut(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
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

    /** Linear map from values {@code [min, max]} to pixels {@code [from, to]}. */
    private record Scale(double min, double max, double from, double to) {
        double at(double value) {
            return from + (to - from) * (value - min) / (max - min);
        }
    }

    /** Round tick values covering a range: steps of 1, 2 or 5 times a power of ten, about five of them. */
    record Ticks(double min, double max, List<Double> values) {
        static Ticks of(double low, double high) {
            if (!(high > low)) {
                double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
                low -= low == 0 ? 0 : pad;
                high = high + pad;
            }
            double raw = (high - low) / 5;
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / power < 1.5
                    ? power
                    : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
            double first = Math.floor(low / step + 1e-9) * step;
            double last = Math.ceil(high / step - 1e-9) * step;
            List<Double> values = new ArrayList<>();
            for (int i = 0; first + i * step <= last + step * 1e-9; i++) {
                // rounded to the step's decimals so 0.30000000000000004 prints as 0.3
                values.add(new BigDecimal(Math.round((first + i * step) / step) * step)
                        .round(new MathContext(12))
                        .doubleValue());
            }
            return new Ticks(first, last, values);
        }
    }

    /** A tick value: as {@link #number} from 1,000 on, else without trailing zeros (0.5, not 0.500). */
    public static String tick(double value) {
        if (Math.abs(value) >= 1000) {
            return number(value);
        }
        return new BigDecimal(value)
                .round(new MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
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
