package org.mercato.sim.events;

import java.util.Map;
import java.util.function.Consumer;
import org.mercato.sim.domain.Money;

/**
 * A small, allocation-light JSON object writer. Field order is the call order, numbers are
 * formatted deterministically, and money is written as a decimal with two places.
 */
public final class JsonLine {
    private final StringBuilder out;
    private boolean first = true;

    public JsonLine(StringBuilder out) {
        this.out = out;
    }

    /**
     * Rounds to six decimal places, as the engines that log computed doubles (strategy auctions,
     * pricing) write them, so the log stays readable; decisions use the exact values.
     */
    public static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    public JsonLine begin() {
        out.append('{');
        first = true;
        return this;
    }

    public JsonLine end() {
        out.append('}');
        first = false;
        return this;
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        out.append('"').append(name).append("\":");
    }

    public JsonLine field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    public JsonLine field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonLine field(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    public JsonLine field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonLine nullField(String name) {
        name(name);
        out.append("null");
        return this;
    }

    public JsonLine money(String name, long cents) {
        name(name);
        Money.appendTo(out, cents);
        return this;
    }

    public JsonLine strings(String name, Iterable<String> values) {
        return array(name, values, this::string);
    }

    public JsonLine numbers(String name, Iterable<Double> values) {
        return array(name, values, this::number);
    }

    /** An array of integers. */
    public JsonLine integers(String name, Iterable<? extends Number> values) {
        return array(name, values, value -> out.append(value.longValue()));
    }

    /** An array of amounts given in cents, each written as a decimal with two places. */
    public JsonLine amounts(String name, Iterable<Long> cents) {
        return array(name, cents, value -> Money.appendTo(out, value));
    }

    /** An array of arrays of numbers. */
    public JsonLine numberRows(String name, Iterable<? extends Iterable<Double>> rows) {
        name(name);
        elements(rows, row -> elements(row, this::number));
        return this;
    }

    public JsonLine counts(String name, Map<String, Integer> values) {
        return object(name, values, out::append);
    }

    public JsonLine prices(String name, Map<String, Long> values) {
        return object(name, values, cents -> Money.appendTo(out, cents));
    }

    private <T> JsonLine array(String name, Iterable<T> values, Consumer<T> element) {
        name(name);
        elements(values, element);
        return this;
    }

    private <T> void elements(Iterable<T> values, Consumer<T> element) {
        out.append('[');
        boolean firstValue = true;
        for (T value : values) {
            if (!firstValue) {
                out.append(',');
            }
            firstValue = false;
            element.accept(value);
        }
        out.append(']');
    }

    private <V> JsonLine object(String name, Map<String, V> values, Consumer<V> value) {
        name(name);
        out.append('{');
        boolean firstValue = true;
        for (var entry : values.entrySet()) {
            if (!firstValue) {
                out.append(',');
            }
            firstValue = false;
            string(entry.getKey());
            out.append(':');
            value.accept(entry.getValue());
        }
        out.append('}');
        return this;
    }

    /** Starts an array field whose elements the caller writes with {@link #element()}. */
    public JsonLine beginArray(String name) {
        name(name);
        out.append('[');
        first = true;
        return this;
    }

    public JsonLine element() {
        if (!first) {
            out.append(',');
        }
        out.append('{');
        first = true;
        return this;
    }

    public JsonLine endElement() {
        out.append('}');
        first = false;
        return this;
    }

    public JsonLine endArray() {
        out.append(']');
        first = false;
        return this;
    }

    private void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    private void string(String value) {
        out.append('"');
        if (isPlain(value)) {
            out.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** True if no character of {@code value} needs escaping (the common case: ids, names, plain text). */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A surrogate without its partner cannot be encoded as UTF-8; it is escaped instead. */
    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
