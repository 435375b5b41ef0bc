package org.mercato.storefront;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Viewport in CSS pixels, device scale factor 1. Parses "1280x800". */
public record Viewport(int width, int height) {
    public static final Viewport DEFAULT = new Viewport(1280, 800);

    /** Smallest and largest side accepted: Chromium captures anything in between without tiling. */
    public static final int MIN_SIDE = 64;

    public static final int MAX_SIDE = 8192;

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})x(\\d{1,6})");

    public Viewport {
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "viewport sides must be " + MIN_SIDE + " to " + MAX_SIDE + " pixels, was " + width + "x" + height);
        }
    }

    /** Parses {@code WIDTHxHEIGHT}, e.g. {@code 1280x800}. */
    public static Viewport parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("viewport must be WIDTHxHEIGHT in pixels, e.g. 1280x800, was '"
                    + (text == null ? "" : excerpt(text)) + "'");
        }
        return new Viewport(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public String label() {
        return width + "x" + height;
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
