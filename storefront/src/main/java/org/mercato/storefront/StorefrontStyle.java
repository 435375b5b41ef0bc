package org.mercato.storefront;

import java.util.List;
import java.util.Objects;

/** Look of the page: {@code clean} (default) or {@code dense}; a pure value. */
public record StorefrontStyle(String name) {
    /** The style names, in the order documentation lists them. */
    public static final List<String> NAMES = List.of("clean", "dense");

    public static final StorefrontStyle CLEAN = new StorefrontStyle("clean");
    public static final StorefrontStyle DENSE = new StorefrontStyle("dense");

    public StorefrontStyle {
        Objects.requireNonNull(name, "name");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("storefront style must be one of " + NAMES + ", was '"
                    + (name.length() <= 40 ? name : name.substring(0, 40) + "...") + "'");
        }
    }

    public static StorefrontStyle of(String name) {
        return new StorefrontStyle(name == null ? "" : name.trim());
    }
}
