package org.mercato.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fonts every storefront page uses (DejaVu Sans, Bitstream Vera licence), bundled so a page looks
 * the same wherever it is rendered. Pages reference them at {@link #PATH}{@code <name>}; whoever
 * serves a page serves these bytes there.
 */
public final class StorefrontFonts {
    /** Root-relative path the pages load fonts from. */
    public static final String PATH = "/storefront/fonts/";

    public static final String REGULAR = "DejaVuSans.ttf";
    public static final String BOLD = "DejaVuSans-Bold.ttf";

    /** The font files served under {@link #PATH}. */
    public static final List<String> NAMES = List.of(REGULAR, BOLD);

    public static final String CONTENT_TYPE = "font/ttf";

    private StorefrontFonts() {}

    /** The bytes of font {@code name} (a copy), or empty when it is not one of {@link #NAMES}. */
    public static Optional<byte[]> open(String name) {
        byte[] bytes = name == null ? null : Loaded.FONTS.get(name);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** Read on first use, so rendering HTML alone never loads the fonts. */
    private static final class Loaded {
        static final Map<String, byte[]> FONTS = load();
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> fonts = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = StorefrontFonts.class.getResourceAsStream("fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font " + name + " missing from the storefront jar");
                }
                fonts.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled font " + name, e);
            }
        }
        return Map.copyOf(fonts);
    }
}
