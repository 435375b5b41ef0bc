package org.mercato.scenarios.run;

import java.io.IOException;
import java.util.List;
import org.mercato.agents.transcript.TranscriptRecorder;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.SimulationSetup;

/**
 * A scenario wired into a ready-to-run market by its features ({@link RunFeatures}): each wires its
 * part, then each completes it (see {@link RunFeature}). Closing it closes the features (the model
 * providers).
 */
public final class WiredRun implements AutoCloseable {
    private final List<RunFeature> features;
    private final MarketWiring market;

    private WiredRun(List<RunFeature> features, MarketWiring market) {
        this.features = features;
        this.market = market;
    }

    /** Wires {@code scenario}; a problem at a key is a {@link org.mercato.scenarios.keys.WiringException}. */
    public static WiredRun wire(Scenario scenario, RunEnvironment environment) {
        List<RunFeature> features = RunFeatures.create();
        MarketWiring market = new MarketWiring(scenario, environment);
        try {
            features.forEach(feature -> feature.wireMarket(market));
            features.forEach(feature -> feature.completeMarket(market));
            market.build();
        } catch (RuntimeException e) {
            features.forEach(RunFeature::close);
            throw e;
        }
        return new WiredRun(features, market);
    }

    /** The market of {@code scenario}, ready to run (its model providers stay open). */
    public static SimulationSetup setup(Scenario scenario, RunEnvironment environment) {
        return wire(scenario, environment).setup();
    }

    public SimulationSetup setup() {
        return market.setup();
    }

    /** Warnings about the wired market (its catalog), to log and to write into the summary. */
    public List<String> warnings() {
        return market.warnings();
    }

    /** The wired feature of {@code type} (for tools that look inside a run, such as the benchmarks). */
    public <F extends RunFeature> F feature(Class<F> type) {
        return features.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + type.getSimpleName()));
    }

    /** The turns its agents took with models and outside agents ({@code transcripts.jsonl} of a real run). */
    public TranscriptRecorder transcripts() {
        return market.transcripts();
    }

    List<RunFeature> features() {
        return features;
    }

    MarketWiring market() {
        return market;
    }

    /** What runs after the market, for a real run. */
    void prepareRun() throws IOException {
        for (RunFeature feature : features) {
            feature.prepareRun(market);
        }
    }

    @Override
    public void close() {
        features.forEach(RunFeature::close);
    }
}
