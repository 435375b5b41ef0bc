package org.mercato.scenarios.run;

import java.nio.file.Path;

/** The outcome of one run: its folder, its event log and its summary. */
public record RunResult(Path folder, Path eventLog, RunSummary summary) {}
