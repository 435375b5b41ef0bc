package org.mercato.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run folder's files as JSON, read the way a researcher's script would (no Mercato code). */
final class RunEvents {
    static final ObjectMapper JSON = new ObjectMapper();

    private RunEvents() {}

    static List<JsonNode> events(Path folder) throws IOException {
        try (var lines = Files.lines(folder.resolve("events.jsonl"))) {
            return lines.map(RunEvents::parse).toList();
        }
    }

    static JsonNode summary(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("summary.json").toFile());
    }

    /** A money field of an event (a decimal with two places) in cents. */
    static long cents(JsonNode event, String field) {
        return event.get(field).decimalValue().movePointRight(2).longValueExact();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
