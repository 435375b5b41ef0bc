package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code summary.json}, the same way for a live run and for {@code mercato report}: the
 * scenario and seed, then every part's block in the order of the fold list ({@link
 * RunFeatures#summaryParts}; a null block left out unless its part writes null), then the warnings:
 * {@code warnings} and one per failure cause.
 */
public final class SummaryFactory {
    private SummaryFactory() {}

    static RunSummary build(
            String scenario, long seed, List<SummaryPart> parts, SummarySource source, List<String> warnings) {
        source.put(RunSummary.SCENARIO, scenario);
        source.put(RunSummary.SEED, seed);
        for (SummaryPart part : parts) {
            Object block = part.value(source);
            if (block != null || part.writesNull()) {
                source.put(part.key(), block);
            }
        }
        AgentFailures failures = source.block(RunSummary.FAILURES, AgentFailures.class);
        List<String> all = new ArrayList<>(warnings);
        if (failures != null) {
            all.addAll(failures.warnings());
        }
        source.put(RunSummary.WARNINGS, List.copyOf(all));
        return new RunSummary(source.blocks());
    }
}
