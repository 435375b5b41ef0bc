package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.YamlDocument;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SweepConfig;

/**
 * What {@code mercato sweep FILE} runs: the base scenario file, the sweep's name, its design and
 * the seed its sampled designs draw from. FILE is either a scenario with a {@code sweep:} section,
 * or a sweep file: {@code scenario: path/to/base.yaml} (relative to the sweep file) plus an
 * optional {@code name} and the fields of a {@code sweep:} section at the top level. Problems name
 * the file, line, column and key, like a scenario's; a design whose points repeat (the same level
 * twice) is refused, since a repeated point is one cell. {@code headline}: the base scenario's
 * {@code output.headline}, which the sweep's table and report show. {@code overrides}: the
 * {@code --set KEY=VALUE} texts applied to the base scenario of every cell, before the cell's levels.
 */
public record SweepSpec(
        Path baseFile,
        String name,
        SweepConfig config,
        long designSeed,
        long baseSeed,
        List<HeadlineMetric> headline,
        List<String> overrides) {
    public SweepSpec {
        headline = List.copyOf(headline);
        overrides = List.copyOf(overrides);
    }

    public SweepSpec(
            Path baseFile,
            String name,
            SweepConfig config,
            long designSeed,
            long baseSeed,
            List<HeadlineMetric> headline) {
        this(baseFile, name, config, designSeed, baseSeed, headline, List.of());
    }

    /**
     * What the command line adds to the file: {@code --set} overrides of the base scenario, factors
     * from {@code --factor} (see {@link CommandLineFactors}; each adds a factor or replaces the
     * file's factor of that key) and {@code --replicates} (null: the file's, or 1).
     */
    public record CommandLine(List<String> overrides, Map<String, Object> factors, Integer replicates) {
        public static final CommandLine NONE = new CommandLine(List.of(), Map.of(), null);

        public CommandLine {
            overrides = List.copyOf(overrides);
            factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        }
    }

    public static SweepSpec load(Path file) {
        return load(file, CommandLine.NONE);
    }

    public static SweepSpec load(Path file, CommandLine line) {
        YamlDocument doc = YamlDocument.read(file, "sweep", "design and factors");
        JsonNode tree = doc.tree();
        if (tree instanceof ObjectNode object && object.has("scenario")) {
            return fromSweepFile(file, doc, object, line);
        }
        Scenario scenario = ScenarioLoader.load(file, line.overrides());
        if (scenario.sweep() == null && line.factors().isEmpty()) {
            throw new ScenarioException(
                    file.toString(),
                    "has no sweep: add a 'sweep:' section to the scenario, give factors with --factor"
                            + " KEY=LEVEL,LEVEL, or write a sweep file with 'scenario: <base.yaml>' and design,"
                            + " factors, replicates");
        }
        SweepConfig config = scenario.sweep() == null ? null : asWritten(doc, List.of("sweep"), scenario.sweep());
        if (config != null) {
            checkDistinct(doc, List.of("sweep"), config);
        }
        return of(file, scenario.name(), withCommandLine(config, line), scenario, line);
    }

    /** {@code config} (null: none) with the command line's factors and replicates. */
    private static SweepConfig withCommandLine(SweepConfig config, CommandLine line) {
        if (line.factors().isEmpty() && line.replicates() == null) {
            return config;
        }
        Map<String, Object> factors = new LinkedHashMap<>(config == null ? Map.of() : config.factors());
        factors.putAll(line.factors()); // a replaced factor keeps its place
        try {
            return new SweepConfig(
                    config == null ? "grid" : config.design(),
                    factors,
                    line.replicates() != null ? line.replicates() : config == null ? null : config.replicates(),
                    config == null ? null : config.samples(),
                    config == null ? null : config.seed());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(
                    line.replicates() != null && line.factors().isEmpty() ? "--replicates" : "--factor",
                    e.getMessage());
        }
    }

    private static SweepSpec fromSweepFile(Path file, YamlDocument doc, ObjectNode object, CommandLine line) {
        JsonNode base = object.remove("scenario");
        if (!base.isTextual() || base.asText().isBlank()) {
            throw doc.error(List.of("scenario"), "expected the path of the base scenario file");
        }
        JsonNode nameNode = object.remove("name");
        if (nameNode != null && nameNode.isContainerNode()) {
            throw doc.error(List.of("name"), "expected a name, such as my-sweep");
        }
        Path baseFile;
        try {
            baseFile = file.toAbsolutePath().getParent().resolve(base.asText()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw doc.error(List.of("scenario"), "not a file path: " + Excerpt.quoted(base.asText()));
        }
        SweepConfig config = asWritten(doc, List.of(), doc.bind(object, List.of(), SweepConfig.class));
        checkDistinct(doc, List.of(), config);
        Scenario scenario = ScenarioLoader.load(baseFile, line.overrides());
        String name = nameNode == null || nameNode.isNull() ? scenario.name() + "-sweep" : nameNode.asText();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw doc.error(
                    List.of("name"), "must use only letters, digits, '.', '_' and '-', was " + Excerpt.quoted(name));
        }
        return of(baseFile, name, withCommandLine(config, line), scenario, line);
    }

    /**
     * The factors' levels read as {@code --set} reads a value: a level YAML 1.1 read as a boolean or
     * a number ({@code off}, {@code yes}, {@code 1.10}) is the text as written when its key is a text
     * key ({@code llm.cache.mode: [off, record]}), and stays typed for any other key.
     */
    private static SweepConfig asWritten(YamlDocument doc, List<Object> at, SweepConfig config) {
        Map<String, Object> factors = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Object> factor : config.factors().entrySet()) {
            Object value = factor.getValue();
            if (value instanceof List<?> levels) {
                List<Object> read = new ArrayList<>();
                for (int j = 0; j < levels.size(); j++) {
                    Object level = levels.get(j);
                    String written = level instanceof Boolean || level instanceof Number
                            ? doc.writtenAt(path(at, "factors", factor.getKey(), j))
                                    .orElse(null)
                            : null;
                    Object text = written == null ? null : asText(factor.getKey(), written);
                    changed |= text != null;
                    read.add(text != null ? text : level);
                }
                value = read;
            }
            factors.put(factor.getKey(), value);
        }
        return changed
                ? new SweepConfig(config.design(), factors, config.replicates(), config.samples(), config.seed())
                : config;
    }

    /** {@code written} as the text a text key reads it as; null for any other key (or a bad key). */
    private static String asText(String key, String written) {
        try {
            JsonNode value = ScenarioLoader.overrideValue(key, written);
            return value.isTextual() ? value.asText() : null;
        } catch (ScenarioException e) {
            return null; // the plan reports a bad key like a bad --set
        }
    }

    /**
     * Refuses a design with a repeated point: a level given twice in a grid, the same tuple twice in
     * a zip.
     */
    private static void checkDistinct(YamlDocument doc, List<Object> at, SweepConfig config) {
        if (config.design().equals("grid")) {
            for (Map.Entry<String, Object> factor : config.factors().entrySet()) {
                if (factor.getValue() instanceof List<?> levels) {
                    for (int j = 1; j < levels.size(); j++) {
                        int first = levels.subList(0, j).indexOf(levels.get(j));
                        if (first >= 0) {
                            throw doc.error(
                                    path(at, "factors", factor.getKey(), j),
                                    "level " + (j + 1) + " repeats level " + (first + 1) + " ("
                                            + Excerpt.of(String.valueOf(levels.get(j)))
                                            + "); a repeated level is the same cell");
                        }
                    }
                }
            }
            return;
        }
        if (!config.design().equals("zip")) {
            return; // sampled designs: SweepPlan refuses a point drawn twice
        }
        List<Map<String, JsonNode>> points = Design.points(config, 0);
        String key = config.factors().keySet().iterator().next();
        for (int j = 1; j < points.size(); j++) {
            int first = points.subList(0, j).indexOf(points.get(j));
            if (first >= 0) {
                throw doc.error(
                        path(at, "factors", key, j),
                        "point " + (j + 1) + " of the zip repeats point " + (first + 1) + " ("
                                + Excerpt.of(points.get(j).toString()) + "); a repeated point is the same cell");
            }
        }
    }

    private static List<Object> path(List<Object> at, Object... more) {
        List<Object> out = new ArrayList<>(at);
        out.addAll(List.of(more));
        return out;
    }

    private static SweepSpec of(Path baseFile, String name, SweepConfig config, Scenario base, CommandLine line) {
        for (String override : line.overrides()) {
            String key =
                    override.substring(0, Math.max(0, override.indexOf('='))).strip();
            if (config.factors().containsKey(key)) {
                throw new ScenarioException(
                        "--set " + Excerpt.of(key),
                        "is a factor of the sweep; give its levels with --factor " + key + "=LEVEL,LEVEL");
            }
        }
        long designSeed = config.seed() != null ? config.seed() : base.seed();
        return new SweepSpec(
                baseFile, name, config, designSeed, base.seed(), base.output().headline(), line.overrides());
    }
}
