package org.mercato.metrics.output;

/**
 * A headline outcome looked up in one run or one sweep condition: the metric's name, the title it
 * is shown under and its value ({@code null} when the name is missing from the results, which is a
 * warning, not a failure).
 */
public record Headline<V>(String metric, String title, V value) {
    public boolean missing() {
        return value == null;
    }
}
