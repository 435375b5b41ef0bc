package org.mercato.scenarios.run;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a feature gets just before the market runs ({@link RunFeature#startRun}): the run's folder and
 * a way to tell the user something at once ({@code notice}: one line on the console, never a secret).
 */
public record RunStart(Path folder, Consumer<String> notice) {}
