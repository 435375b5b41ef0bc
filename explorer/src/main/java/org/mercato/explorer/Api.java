package org.mercato.explorer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON endpoints under {@code /api/}: a request's path picks one, its parameters the run and filters. */
final class Api {
    private static final String CUSTOMER = "/api/customers/";
    private static final String SERVICE = "/api/services/";
    private static final String TURN = "/api/turns/";

    private final ServedFolder served;
    private final Runs runs;

    Api(ServedFolder served, Runs runs) {
        this.served = served;
        this.runs = runs;
    }

    /** Opens the served run now, so the first page needs no wait (and a broken run fails at start). */
    void warmUp() {
        runs.get(Request.of("/api/run", null));
    }

    Response handle(Request request) {
        String path = request.rawPath();
        try {
            if (path.equals("/api/info")) {
                return Response.json(info());
            }
            if (path.equals("/api/run")) {
                return Response.json(RunOverview.of(served, runs.get(request)));
            }
            if (path.equals("/api/customers")) {
                return Response.json(CustomerList.page(runs.get(request), request));
            }
            if (path.startsWith(CUSTOMER)) {
                return Response.json(CustomerThread.of(runs.get(request), id(path, CUSTOMER)));
            }
            if (path.equals("/api/services")) {
                return Response.json(ServiceViews.page(runs.get(request), request));
            }
            if (path.startsWith(SERVICE)) {
                return Response.json(ServiceViews.detail(runs.get(request), id(path, SERVICE)));
            }
            if (path.startsWith(TURN)) {
                return Response.json(runs.get(request).transcripts().turn(turnNumber(id(path, TURN))));
            }
            if (path.equals("/api/sweep")) {
                return Response.json(SweepView.of(served));
            }
        } catch (SQLException e) {
            throw HttpError.badRequest("query failed: " + RunDatabase.firstLine(e));
        }
        throw HttpError.notFound("no such endpoint: " + Excerpts.of(path));
    }

    /** The id after {@code prefix} in a path: one decoded segment. */
    private static String id(String path, String prefix) {
        String raw = path.substring(prefix.length());
        if (raw.isEmpty() || raw.contains("/")) {
            throw HttpError.notFound("no such endpoint: " + Excerpts.of(path));
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed path: " + Excerpts.of(path));
        }
    }

    private static int turnNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw HttpError.notFound("no such turn: " + Excerpts.of(text));
        }
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("kind", served.kind().json());
        info.put("name", served.name());
        info.put("folder", served.root().toString());
        return info;
    }
}
