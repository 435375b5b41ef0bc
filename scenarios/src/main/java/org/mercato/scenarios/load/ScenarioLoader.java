package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;

/**
 * Reads scenario files strictly. Every problem is one {@link ScenarioException} whose message
 * names the file, line and column, the dotted key path and what was expected: unknown keys (with
 * the keys allowed there), values of the wrong type, values a record refuses, malformed YAML,
 * duplicate keys, a missing file.
 *
 * <p>Overrides ({@code a.b.c=value}, see {@link Overrides}) are applied after the file itself has
 * bound cleanly, so problems in the file keep their locations and problems an override causes are
 * reported as {@code --set <key>: ...}.
 *
 * <p>A relative {@code market.magentic} folder is resolved against the scenario file's folder.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /** Loads {@code file} and applies {@code overrides} of the form {@code a.b.c=value}. */
    public static Scenario load(Path file, List<String> overrides) {
        return read(file, overrides).scenario();
    }

    /**
     * Loads {@code file}, applies {@code overrides}, and checks the policies and wiring against
     * {@code registry} with {@link ScenarioValidator}, so an unknown policy or parameter is
     * reported at its key like any other problem.
     */
    public static Scenario load(Path file, List<String> overrides, PolicyRegistry registry) {
        Loaded loaded = read(file, overrides);
        new ScenarioValidator(registry).validate(loaded.scenario(), loaded.where());
        return loaded.scenario();
    }

    private record Loaded(Scenario scenario, Locator where) {}

    private static Loaded read(Path file, List<String> overrideTexts) {
        String source = file.toString();
        String text = readText(file, source);
        ObjectMapper mapper = ScenarioYaml.mapper();
        List<Overrides.Override> overrides = Overrides.parse(overrideTexts, mapper);

        YamlIndex index;
        try {
            index = YamlIndex.parse(mapper, text);
        } catch (JsonProcessingException e) {
            throw YamlSyntax.malformed(source, e);
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot read: " + e.getMessage());
        }
        Locator inFile = (path, at, problem) -> {
            YamlIndex.Position p = switch (at) {
                case KEY -> index.keyPosition(path);
                case VALUE -> index.valuePosition(path);
                case BEST -> index.position(path);
            };
            return new ScenarioException(source, p.line(), p.column(), path.toString(), problem);
        };
        if (index.isEmpty()) {
            throw new ScenarioException(source, "the file is empty; a scenario needs at least a market");
        }
        if (!index.duplicates().isEmpty()) {
            YamlIndex.Duplicate d = index.duplicates().get(0);
            throw new ScenarioException(
                    source,
                    d.at().line(),
                    d.at().column(),
                    d.path().toString(),
                    "duplicate key '" + d.path().last() + "' (first given at " + d.first() + ")");
        }
        if (index.extraDocument().isPresent()) {
            YamlIndex.Position at = index.extraDocument().get();
            throw new ScenarioException(
                    source, at.line(), at.column(), "", "a scenario file holds one YAML document, found another");
        }

        if (index.alias().isPresent()) {
            throw inFile.error(
                    index.alias().get(),
                    Locator.At.VALUE,
                    "YAML aliases (*name) are not supported in scenario files; write the value out");
        }

        JsonNode tree = readTreeQuietly(mapper, text);
        Scenario scenario;
        try {
            scenario = mapper.readValue(text, Scenario.class);
        } catch (JsonMappingException e) {
            throw BindingErrors.translate(e, tree, mapper, inFile);
        } catch (JsonProcessingException e) {
            // for example a number too large for its field: only a location, no path
            KeyPath path = index.pathAt(e.getLocation()).orElse(KeyPath.ROOT);
            throw inFile.error(path, Locator.At.VALUE, ScenarioException.oneLine(e.getOriginalMessage()));
        }
        if (overrides.isEmpty()) {
            return new Loaded(resolvePaths(scenario, file), inFile);
        }

        ObjectNode root = (ObjectNode) tree.deepCopy();
        List<Overrides.Override> applied = new ArrayList<>();
        for (Overrides.Override override : overrides) {
            applied.add(Overrides.apply(root, override));
        }
        Locator where = (path, at, problem) -> {
            Overrides.Override blamed = Overrides.blame(applied, path);
            if (blamed == null) {
                return inFile.error(path, at, problem);
            }
            String key = path.equals(blamed.path()) ? "" : path.toString();
            return new ScenarioException(blamed.source(), 0, 0, key, problem);
        };
        try {
            return new Loaded(resolvePaths(mapper.treeToValue(root, Scenario.class), file), where);
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                throw BindingErrors.translate(e, root, mapper, where);
            }
            Overrides.Override last = applied.get(applied.size() - 1);
            throw new ScenarioException(
                    applied.size() == 1 ? last.source() : "--set", ScenarioException.oneLine(e.getOriginalMessage()));
        }
    }

    /** Resolves a relative {@code market.magentic} folder against the scenario file's folder. */
    private static Scenario resolvePaths(Scenario scenario, Path file) {
        MarketConfig market = scenario.market();
        if (market.magentic() == null) {
            return scenario;
        }
        Path folder = file.toAbsolutePath().getParent();
        String resolved = folder.resolve(market.magentic()).normalize().toString();
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.kernel(),
                market.withMagentic(resolved),
                scenario.agents(),
                scenario.prices(),
                scenario.output(),
                scenario.sweep());
    }

    private static JsonNode readTreeQuietly(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String readText(Path file, String source) {
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(source, "is a directory, not a scenario file");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(source, "cannot read: not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot read: " + e.getMessage());
        }
    }
}
