package org.mercato.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        String relative = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = folder.file(relative).orElseThrow(RunFiles::notFound);
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, DOWNLOAD);
        String csp =
                name.equals("report.html") || name.equals("sweep-report.html") ? Response.REPORT_CSP : Response.CSP;
        try {
            byte[] body = Files.readAllBytes(file);
            if (name.equals("report.html")) {
                body = linkedToItsRun(body, folder.root().relativize(file.getParent()));
            }
            return Response.bytes(type, body, csp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A report's chart links name no run (the report does not know where it will be served); one
     * of a kept run inside a sweep folder gets {@code run=<its folder>} added, so its bars open
     * that run's customers.
     */
    static byte[] linkedToItsRun(byte[] report, Path run) {
        if (run.toString().isEmpty()) {
            return report;
        }
        String runParameter =
                "run=" + URLEncoder.encode(run.toString().replace('\\', '/'), StandardCharsets.UTF_8) + "&amp;";
        String html = new String(report, StandardCharsets.UTF_8);
        for (String list : new String[] {"customers", "services"}) {
            html = html.replace("href=\"/#/" + list + "?", "href=\"/#/" + list + "?" + runParameter);
        }
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpError notFound() {
        return HttpError.notFound("no such file");
    }
}
