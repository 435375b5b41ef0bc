package org.mercato.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The page's files, from the classpath folder {@code org/mercato/explorer/web/}: {@code /} is its {@code index.html}. */
final class StaticAssets {
    static final String FOLDER = "org/mercato/explorer/web/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private StaticAssets() {}

    /** The asset at this request path ({@code /app.js}), or a 404. */
    static Response serve(String rawPath) {
        String name = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        if (!NAME.matcher(name).matches()) {
            throw HttpError.notFound("no such page: " + Excerpts.of(rawPath));
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null || type == null) {
                throw HttpError.notFound("no such page: " + Excerpts.of(rawPath));
            }
            return Response.bytes(type, in.readAllBytes(), Response.CSP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
