package org.mercato.agents.llm;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Short, single-line, key-free texts for why a model call failed: what the run's summary, console,
 * report and log show as a failure's cause.
 */
final class FailureText {
    static final int MAX_LINE = 60;

    /** Things that look like credentials: OpenAI/Anthropic style keys, Google API keys, bearer tokens. */
    private static final Pattern KEY_LIKE =
            Pattern.compile("(?i)(sk-[A-Za-z0-9_\\-]{6,}|AIza[0-9A-Za-z_\\-]{10,}|bearer\\s+\\S+)");

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"),
            Map.entry(529, "Overloaded"));

    private FailureText() {}

    /** "HTTP 401 Unauthorized": the status and its standard reason phrase, never the body. */
    static String status(int status) {
        String reason = REASONS.get(status);
        return "HTTP " + status + (reason == null ? "" : " " + reason);
    }

    /** "3s", "1.5s" or "300ms". */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1e3);
    }

    /**
     * The first non-blank line of {@code text}, printable characters only, cut at 1,000 characters
     * (so that {@link #shown} can mask a key before cutting it to its final length).
     */
    static String firstLine(String text) {
        String head = text.length() > 4_000 ? text.substring(0, 4_000) : text;
        String line = head.strip().lines().findFirst().orElse("").strip();
        line = line.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 1_000 ? line.substring(0, 1_000) : line;
    }

    /** {@code text} as a cause shows it: one line, the key masked, at most {@link #MAX_LINE} characters. */
    static String shown(String text, String key) {
        String line = scrub(firstLine(text), key);
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    }

    /** {@code text} with {@code key} (when known) and anything that looks like a credential masked. */
    static String scrub(String text, String key) {
        String out = text;
        if (key != null && key.length() >= 4) {
            out = out.replace(key, "***");
        }
        return KEY_LIKE.matcher(out).replaceAll("***");
    }
}
