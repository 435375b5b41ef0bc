package org.mercato.explorer;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The runs the explorer has opened, by real folder: each opened once, at its first request, all closed together. */
final class Runs implements AutoCloseable {
    private final ServedFolder served;
    private final Map<Path, RunData> open = new ConcurrentHashMap<>();

    Runs(ServedFolder served) {
        this.served = served;
    }

    /** The run a request's {@code run=} names (absent: the served folder), or a 404. */
    RunData get(Request request) {
        String relative = request.param("run");
        Path folder = served.run(relative)
                .orElseThrow(() -> HttpError.notFound(
                        relative == null ? "this folder is a sweep: name a run with run=" : "no such run"));
        return open.computeIfAbsent(folder, RunData::open);
    }

    @Override
    public void close() {
        open.values().forEach(RunData::close);
        open.clear();
    }
}
