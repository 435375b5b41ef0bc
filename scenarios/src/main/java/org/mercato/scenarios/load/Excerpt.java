package org.mercato.scenarios.load;

/**
 * The short excerpt of a user's value that an error message may quote: at most {@link #MAX}
 * characters on one line, the rest replaced by an ellipsis and the full length, so a file or value
 * given by mistake (a whole {@code /etc/passwd}, a 50 MB string) is never echoed back.
 */
public final class Excerpt {
    /** The longest excerpt quoted in a message, in characters. */
    public static final int MAX = 60;

    private Excerpt() {}

    /** {@code text} on one line, cut to {@link #MAX} characters. */
    public static String of(String text) {
        return of(text, MAX);
    }

    /** {@code text} on one line, cut to {@code max} characters. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        boolean cut = text.length() > 4L * max;
        // cut before flattening, so a huge value costs nothing
        String line = ScenarioException.oneLine(cut ? text.substring(0, 4 * max) : text);
        if (!cut && line.length() <= max) {
            return line;
        }
        int end = Math.min(max, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

    /** {@code 'text'}, cut to {@link #MAX} characters. */
    public static String quoted(String text) {
        return "'" + of(text) + "'";
    }
}
