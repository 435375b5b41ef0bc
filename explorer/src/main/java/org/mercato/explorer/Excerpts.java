package org.mercato.explorer;

/** Request text quoted back in an error message: one line, at most a few dozen characters. */
final class Excerpts {
    private static final int MAX = 60;

    private Excerpts() {}

    static String of(String text) {
        String line = text.replaceAll("[\\p{Cntrl}]", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX) + "...";
    }
}
