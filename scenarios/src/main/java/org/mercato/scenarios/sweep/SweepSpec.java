package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SweepConfig;

/**
 * What {@code mercato sweep FILE} runs: the base scenario file, the sweep's name, its design and
 * the seed its sampled designs draw from. FILE is either a scenario with a {@code sweep:} section,
 * or a sweep file: {@code scenario: path/to/base.yaml} (relative to the sweep file) plus an
 * optional {@code name} and the fields of a {@code sweep:} section at the top level.
 */
public record SweepSpec(Path baseFile, String name, SweepConfig config, long designSeed, long baseSeed) {
    public static SweepSpec load(Path file) {
        String source = file.toString();
        ObjectMapper yaml = ScenarioYaml.mapper();
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, "no such file");
        } catch (JsonProcessingException e) {
            // the scenario loader gives the precise syntax error
            ScenarioLoader.load(file);
            throw new ScenarioException(source, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot read: " + e.getMessage());
        }
        if (tree instanceof ObjectNode object && object.has("scenario")) {
            return fromSweepFile(file, object, yaml);
        }
        Scenario scenario = ScenarioLoader.load(file);
        if (scenario.sweep() == null) {
            throw new ScenarioException(
                    source,
                    "has no sweep: add a 'sweep:' section to the scenario, or write a sweep file with"
                            + " 'scenario: <base.yaml>' and design, factors, replicates");
        }
        return of(file, scenario.name(), scenario.sweep(), scenario);
    }

    private static SweepSpec fromSweepFile(Path file, ObjectNode object, ObjectMapper yaml) {
        String source = file.toString();
        JsonNode base = object.remove("scenario");
        if (!base.isTextual() || base.asText().isBlank()) {
            throw new ScenarioException(source, "scenario: expected the path of the base scenario file");
        }
        JsonNode nameNode = object.remove("name");
        Path baseFile = file.toAbsolutePath().getParent().resolve(base.asText()).normalize();
        SweepConfig config;
        try {
            config = yaml.treeToValue(object, SweepConfig.class);
        } catch (JsonMappingException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String path = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
            String problem = cause instanceof IllegalArgumentException
                    ? cause.getMessage()
                    : (path.isEmpty() ? "" : path + ": ")
                            + e.getOriginalMessage()
                            + "; a sweep file holds scenario, name, design, factors, replicates, samples, seed";
            throw new ScenarioException(source, problem);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, e.getOriginalMessage());
        }
        Scenario scenario = ScenarioLoader.load(baseFile);
        String name = nameNode == null || nameNode.isNull() ? scenario.name() + "-sweep" : nameNode.asText();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ScenarioException(
                    source, "name must use only letters, digits, '.', '_' and '-', was '" + name + "'");
        }
        return of(baseFile, name, config, scenario);
    }

    private static SweepSpec of(Path baseFile, String name, SweepConfig config, Scenario base) {
        long designSeed = config.seed() != null ? config.seed() : base.seed();
        return new SweepSpec(baseFile, name, config, designSeed, base.seed());
    }
}
