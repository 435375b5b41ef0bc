package org.mercato.metrics.output;

/**
 * An estimate of how wide a line of text is drawn, from the advance widths of DejaVu Sans (the
 * widest of the usual sans-serif fonts, what {@code system-ui} falls back to on Linux) rounded up,
 * so a chart sized with it holds its labels in any common sans-serif font.
 */
final class TextWidth {
    private TextWidth() {}

    /** The width in pixels of {@code text} at {@code fontSize} pixels, a little over the real one. */
    static double of(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += advance(text.charAt(i));
        }
        return Math.ceil(em * fontSize * 1.06);
    }

    /** A character's advance in ems. */
    private static double advance(char c) {
        if (c >= '0' && c <= '9') {
            return 0.64;
        }
        if (c >= 'A' && c <= 'Z') {
            return switch (c) {
                case 'I', 'J' -> 0.32;
                case 'M', 'W' -> 1.0;
                default -> 0.78;
            };
        }
        return switch (c) {
            case 'i', 'j', 'l', '.', ',', ':', ';', '\'', '|', '!' -> 0.34;
            case ' ', 'f', 't', 'r', '(', ')', '[', ']', '/', '-' -> 0.42;
            case 'm' -> 0.98;
            case 'w' -> 0.82;
            case '=', '+', '<', '>', '~', '{', '}', '…', '—', '–' -> 0.84;
            case '%' -> 0.96;
            case '"', '_', '*', '^', '·', '²' -> 0.52;
            default -> c < 128 ? 0.64 : 1.0;
        };
    }
}
