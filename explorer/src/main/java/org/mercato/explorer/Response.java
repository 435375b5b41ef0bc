package org.mercato.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** What the explorer answers: a status, a content type, the bytes and the Content-Security-Policy they go out with. */
record Response(int status, String contentType, byte[] body, String csp) {
    /** Everything the explorer serves: nothing but its own scripts and styles, no inline code, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** A run's report.html: its own inline style (and SVG), no script at all. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    static final String JSON = "application/json; charset=utf-8";

    static Response json(Object value) {
        return json(200, value);
    }

    static Response json(int status, Object value) {
        try {
            return new Response(status, JSON, Json.MAPPER.writeValueAsBytes(value), CSP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response as JSON", e);
        }
    }

    static Response error(int status, String message) {
        return json(status, java.util.Map.of("error", message));
    }

    static Response bytes(String contentType, byte[] body, String csp) {
        return new Response(200, contentType, body, csp);
    }

    static Response text(String contentType, String body) {
        return bytes(contentType, body.getBytes(StandardCharsets.UTF_8), CSP);
    }
}
