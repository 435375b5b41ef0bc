package org.mercato.storefront;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A product picture drawn as inline SVG from the service's name and its first item: the colour and
 * shape come from SHA-256 of those (stable across JVMs, unlike {@code String.hashCode}), the text
 * is the name's initials. Nothing is downloaded.
 */
final class ProductImage {
    static final int WIDTH = 240;
    static final int HEIGHT = 110;

    private static final String[] SHAPES = {"circle", "square", "diamond", "triangle"};

    private ProductImage() {}

    static String svg(String name, String firstItem) {
        byte[] hash = sha256(name + "\n" + firstItem);
        int hue = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 360;
        int accentHue = (hue + 150 + (hash[2] & 0x3f)) % 360;
        String shape = SHAPES[(hash[3] & 0xff) % SHAPES.length];
        String fill = "\" fill=\"hsl(" + hue + ",55%,42%)\"/>";
        int cx = WIDTH / 2;
        int cy = HEIGHT / 2 - 7;
        StringBuilder out = new StringBuilder(640);
        out.append("<svg class=\"image\" viewBox=\"0 0 ")
                .append(WIDTH + " " + HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape("Picture of " + name))
                .append("\">");
        out.append("<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"hsl(" + hue + ",45%,88%)\"/>");
        out.append("<circle cx=\"" + (WIDTH - 30 - (hash[4] & 0x1f)) + "\" cy=\"" + (20 + (hash[5] & 0x0f)) + "\" r=\""
                + (9 + (hash[6] & 0x07)) + "\" fill=\"hsl(" + accentHue + ",60%,55%)\"/>");
        out.append(
                switch (shape) {
                    case "circle" -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"36" + fill;
                    case "square" ->
                        "<rect x=\"" + (cx - 34) + "\" y=\"" + (cy - 34) + "\" width=\"68\" height=\"68\" rx=\"12"
                                + fill;
                    case "diamond" -> polygon(cx, cy - 42, cx + 42, cy, cx, cy + 42, cx - 42, cy) + fill;
                    default -> polygon(cx, cy - 42, cx + 46, cy + 34, cx - 46, cy + 34) + fill;
                });
        out.append("<text x=\"" + cx + "\" y=\"" + (cy + ("triangle".equals(shape) ? 18 : 9))
                        + "\" text-anchor=\"middle\" font-size=\"26\" font-weight=\"700\" fill=\"#ffffff\">")
                .append(Html.escape(initials(name)))
                .append("</text>");
        if (!firstItem.isEmpty()) {
            out.append("<text x=\"" + cx + "\" y=\"" + (HEIGHT - 6)
                            + "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">")
                    .append(Html.escape(shorten(firstItem, 28)))
                    .append("</text>");
        }
        return out.append("</svg>").toString();
    }

    private static String polygon(int... xy) {
        StringBuilder points = new StringBuilder("<polygon points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(xy[i]).append(',').append(xy[i + 1]);
        }
        return points.toString();
    }

    /** The first letter or digit of the name's first two words, upper-cased; "?" when there is none. */
    static String initials(String name) {
        StringBuilder out = new StringBuilder(2);
        boolean inWord = false;
        for (int i = 0; i < name.length() && out.length() < 4; ) {
            int cp = name.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (letter && !inWord && out.codePointCount(0, out.length()) < 2) {
                out.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
            }
            inWord = letter;
            i += Character.charCount(cp);
        }
        return out.isEmpty() ? "?" : out.toString();
    }

    static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
