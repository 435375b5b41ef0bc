package org.mercato.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mercato.storefront.StorefrontPage;

/**
 * The storefront pages a run's shoppers were shown, each written once to {@code pages/<sha>.html}
 * in the run folder (to a temporary name, then renamed), so a researcher opens exactly what the
 * model saw. Before the run folder exists (a scenario only checked) nothing is written.
 */
final class RunPages {
    static final String FOLDER = "pages";

    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile Path folder;

    /** From now on, pages go to {@code run}'s {@code pages/}. */
    void into(Path run) {
        folder = run.resolve(FOLDER);
    }

    void keep(StorefrontPage page) {
        Path into = folder;
        if (into == null || !written.add(page.sha256())) {
            return;
        }
        try {
            Files.createDirectories(into);
            AtomicFiles.writeString(into.resolve(page.sha256() + ".html"), page.html());
        } catch (IOException e) {
            written.remove(page.sha256());
            throw new UncheckedIOException("cannot write the page " + page.sha256() + " into " + into, e);
        }
    }

    /** Pages written so far. */
    int count() {
        return written.size();
    }
}
