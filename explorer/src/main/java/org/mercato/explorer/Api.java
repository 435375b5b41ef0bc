package org.mercato.explorer;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON endpoints under {@code /api/}: a request's path picks one, its parameters the run and filters. */
final class Api {
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
        } catch (SQLException e) {
            throw HttpError.badRequest("query failed: " + RunDatabase.firstLine(e));
        }
        throw HttpError.notFound("no such endpoint: " + Excerpts.of(path));
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("kind", served.kind().json());
        info.put("name", served.name());
        info.put("folder", served.root().toString());
        return info;
    }
}
