package org.mercato.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /files/<path>}: a file of the served folder, read-only. The path must arrive plainly
 * spelled: a percent-encoded dot, slash or backslash, a parent step, an absolute path or a symlink
 * that leads out of the folder all get a 404, as does a missing file.
 */
final class RunFiles {
    static final String PREFIX = "/files/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "jsonl", "application/x-ndjson; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "yaml", "text/plain; charset=utf-8",
            "log", "text/plain; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final String DOWNLOAD = "application/octet-stream";

    private RunFiles() {}

    static Response serve(ServedFolder folder, String rawPath) {
        String encoded = rawPath.substring(PREFIX.length());
        String lower = encoded.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            throw notFound();
        }
        String relative =
                java.net.URLDecoder.decode(encoded.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        Path file = folder.file(relative).orElseThrow(RunFiles::notFound);
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, DOWNLOAD);
        String csp =
                name.equals("report.html") || name.equals("sweep-report.html") ? Response.REPORT_CSP : Response.CSP;
        try {
            return Response.bytes(type, Files.readAllBytes(file), csp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpError notFound() {
        return HttpError.notFound("no such file");
    }
}
