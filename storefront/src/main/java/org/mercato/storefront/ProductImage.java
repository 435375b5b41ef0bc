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
    static final int HEIGHT = 150;

    private static final String[] SHAPES = {"circle", "square", "diamond", "triangle"};

    private ProductImage() {}

    static String svg(String name, String firstItem) {
        byte[] hash = sha256(name + "\n" + firstItem);
        int hue = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 360;
        int accentHue = (hue + 150 + (hash[2] & 0x3f)) % 360;
        String shape = SHAPES[(hash[3] & 0xff) % SHAPES.length];
        String background = "hsl(" + hue + ",45%,88%)";
        String fill = "hsl(" + hue + ",55%,42%)";
        String accent = "hsl(" + accentHue + ",60%,55%)";
        int cx = WIDTH / 2;
        int cy = HEIGHT / 2 - 8;
        StringBuilder out = new StringBuilder(512);
        out.append("<svg class=\"image\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape("Picture of " + name))
                .append("\">");
        out.append("<rect width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"")
                .append(background)
                .append("\"/>");
        out.append("<circle cx=\"")
                .append(WIDTH - 30 - (hash[4] & 0x1f))
                .append("\" cy=\"")
                .append(24 + (hash[5] & 0x0f))
                .append("\" r=\"")
                .append(10 + (hash[6] & 0x07))
                .append("\" fill=\"")
                .append(accent)
                .append("\"/>");
        switch (shape) {
            case "circle" ->
                out.append("<circle cx=\"")
                        .append(cx)
                        .append("\" cy=\"")
                        .append(cy)
                        .append("\" r=\"44\" fill=\"")
                        .append(fill)
                        .append("\"/>");
            case "square" ->
                out.append("<rect x=\"")
                        .append(cx - 42)
                        .append("\" y=\"")
                        .append(cy - 42)
                        .append("\" width=\"84\" height=\"84\" rx=\"14\" fill=\"")
                        .append(fill)
                        .append("\"/>");
            case "diamond" ->
                out.append("<polygon points=\"")
                        .append(cx)
                        .append(',')
                        .append(cy - 50)
                        .append(' ')
                        .append(cx + 50)
                        .append(',')
                        .append(cy)
                        .append(' ')
                        .append(cx)
                        .append(',')
                        .append(cy + 50)
                        .append(' ')
                        .append(cx - 50)
                        .append(',')
                        .append(cy)
                        .append("\" fill=\"")
                        .append(fill)
                        .append("\"/>");
            default ->
                out.append("<polygon points=\"")
                        .append(cx)
                        .append(',')
                        .append(cy - 50)
                        .append(' ')
                        .append(cx + 52)
                        .append(',')
                        .append(cy + 40)
                        .append(' ')
                        .append(cx - 52)
                        .append(',')
                        .append(cy + 40)
                        .append("\" fill=\"")
                        .append(fill)
                        .append("\"/>");
        }
        out.append("<text x=\"")
                .append(cx)
                .append("\" y=\"")
                .append(cy + ("triangle".equals(shape) ? 20 : 11))
                .append("\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"700\" fill=\"#ffffff\">")
                .append(Html.escape(initials(name)))
                .append("</text>");
        if (!firstItem.isEmpty()) {
            out.append("<text x=\"")
                    .append(cx)
                    .append("\" y=\"")
                    .append(HEIGHT - 10)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">")
                    .append(Html.escape(shorten(firstItem, 28)))
                    .append("</text>");
        }
        out.append("</svg>");
        return out.toString();
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
