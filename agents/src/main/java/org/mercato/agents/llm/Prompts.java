package org.mercato.agents.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Prompt templates: classpath resources with {@code {{name}}} placeholders. */
public final class Prompts {
    private Prompts() {}

    public static String builtIn(String role) {
        String resource = role + "-system.txt";
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var entry : values.entrySet()) {
            out = out.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        return out;
    }

    /** A value as compact JSON (maps sorted by key). */
    public static String json(Object value) {
        try {
            return ResponseCache.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cents as a decimal with two places. */
    public static String money(long cents) {
        long whole = Math.abs(cents / 100);
        long rest = Math.abs(cents % 100);
        return (cents < 0 ? "-" : "") + whole + (rest < 10 ? ".0" : ".") + rest;
    }
}
