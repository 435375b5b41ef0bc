package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.mercato.gateway.wire.WireCodec;

/** Writes the gateway's JSON responses; errors are {@code {"error": "one line"}}. */
final class JsonReplies {
    private JsonReplies() {}

    static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = WireCodec.JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, errorBody(message));
    }

    static ObjectNode errorBody(String message) {
        return WireCodec.JSON.createObjectNode().put("error", oneLine(message));
    }

    /** A message fit for one log or error line: no line breaks, at most 300 characters. */
    static String oneLine(String text) {
        String flat = String.valueOf(text).replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
