package org.mercato.explorer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GET request: its raw path (still percent-encoded, as the client sent it) and its query
 * parameters, decoded (the first value of each name).
 */
record Request(String rawPath, Map<String, String> params) {
    static Request of(String rawPath, String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            }
        }
        return new Request(rawPath == null ? "/" : rawPath, Map.copyOf(params));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed query string");
        }
    }

    /** The parameter, or null when absent or empty. */
    String param(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A whole-number parameter from {@code min} to {@code max}, {@code fallback} when absent. */
    int intParam(String name, int fallback, int min, int max) {
        String value = param(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw HttpError.badRequest(name + " must be from " + min + " to " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number, not '" + Excerpts.of(value) + "'");
        }
    }

    /** A true/false parameter, null when absent. */
    Boolean boolParam(String name) {
        String value = param(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw HttpError.badRequest(name + " must be true or false, not '" + Excerpts.of(value) + "'");
        };
    }
}
