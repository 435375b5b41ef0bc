package org.mercato.scenarios.magentic;

import java.nio.file.Path;
import java.util.List;
import org.mercato.sim.domain.Catalog;

/**
 * A Magentic dataset folder read into the domain model: its catalog (businesses as services, in
 * file-name order, then customers likewise) and one warning per customer no business can serve.
 */
public record MagenticDataset(Path folder, Catalog catalog, List<String> warnings) {
    public MagenticDataset {
        warnings = List.copyOf(warnings);
    }
}
