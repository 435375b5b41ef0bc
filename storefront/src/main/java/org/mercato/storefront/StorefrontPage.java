package org.mercato.storefront;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** One rendered page: the HTML text (UTF-8) and its SHA-256 hex, which identifies what was seen. */
public record StorefrontPage(String html, String sha256) {
    public StorefrontPage {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** A page for {@code html}, with its hash computed. */
    public static StorefrontPage of(String html) {
        return new StorefrontPage(html, sha256(html.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] bytes() {
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
