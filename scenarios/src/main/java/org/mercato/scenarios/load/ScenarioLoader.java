package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.DynamicsConfig;
import org.mercato.scenarios.model.ExternalConfig;
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
 * <p>Checks against the policy registry and the run's wiring come after loading (see {@code
 * validate.ScenarioValidator}).
 *
 * <p>A relative {@code market.magentic} folder, and a relative arrivals trace ({@code
 * market.dynamics.arrivals.trace}), are resolved against the scenario file's folder.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * {@code raw} read as the value of {@code --set key=raw} would be (a YAML scalar, or a flow list
     * or map in brackets or braces), typed as the scenario reads that key: a text key gets {@code off}
     * or {@code 1.10} as written, where YAML 1.1 reads a boolean or a number; a problem names {@code
     * --set key}.
     */
    public static JsonNode overrideValue(String key, String raw) {
        ObjectMapper mapper = ScenarioYaml.mapper();
        return Overrides.typedValue(
                Overrides.parse(List.of(key + "=" + raw), mapper).get(0), mapper);
    }

    /** Loads {@code file} and applies {@code overrides} of the form {@code a.b.c=value}. */
    public static Scenario load(Path file, List<String> overrides) {
        return read(file, overrides).scenario();
    }

    /**
     * A scenario as loaded, with where its keys are ({@code where} turns a problem at a key path
     * into a {@link ScenarioException} naming the file, line and column, or the {@code --set}
     * override that wrote the key), for checks after loading.
     */
    public record Loaded(Scenario scenario, Locator where) {}

    /** Loads {@code file} and applies {@code overrides}, keeping where each key came from. */
    public static Loaded read(Path file, List<String> overrideTexts) {
        List<Overrides.Override> overrides = Overrides.parse(overrideTexts, ScenarioYaml.mapper());
        YamlDocument doc = YamlDocument.read(file, "scenario", "a market");
        String text = doc.text();
        ObjectMapper mapper = doc.mapper();
        YamlIndex index = doc.index();
        Locator inFile = doc.locator();

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
        if (scenario == null) {
            // a document that is only a null, such as "~"
            throw inFile.error(
                    KeyPath.ROOT,
                    Locator.At.VALUE,
                    "expected " + BindingErrors.expected(Scenario.class, mapper) + ", got nothing");
        }
        if (overrides.isEmpty()) {
            return new Loaded(resolvePaths(scenario, file), inFile);
        }

        ObjectNode root = (ObjectNode) tree.deepCopy();
        List<Overrides.Override> applied = new ArrayList<>();
        Map<KeyPath, String> written = new HashMap<>(index.written());
        for (Overrides.Override override : overrides) {
            Overrides.Override done = Overrides.apply(root, override);
            applied.add(done);
            written.keySet().removeIf(p -> p.startsWith(done.path()));
            done.written().forEach((inside, asWritten) -> written.put(under(done.path(), inside), asWritten));
        }
        TextScalars.restore(root, Scenario.class, written, mapper);
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

    private static KeyPath under(KeyPath parent, KeyPath inside) {
        List<Object> segments = new ArrayList<>(parent.segments());
        segments.addAll(inside.segments());
        return new KeyPath(segments);
    }

    /**
     * Resolves a relative {@code market.magentic} folder, and the folder each external group's
     * command runs in ({@code external.directory}, default the scenario's own), against the scenario
     * file's folder. An inactive {@code external} section (another policy) is left as written.
     */
    private static Scenario resolvePaths(Scenario scenario, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        MarketConfig market = scenario.market();
        if (market.magentic() != null) {
            market = market.withMagentic(
                    folder.resolve(market.magentic()).normalize().toString());
        }
        DynamicsConfig dynamics = market.dynamics();
        if (dynamics != null
                && dynamics.arrivals() != null
                && dynamics.arrivals().trace() != null) {
            market = market.withDynamics(dynamics.withArrivals(dynamics.arrivals()
                    .withTrace(folder.resolve(dynamics.arrivals().trace())
                            .normalize()
                            .toString())));
        }
        AgentsConfig agents = scenario.agents();
        if (agents.assistants().stream().anyMatch(ScenarioLoader::launchesAgents)
                || agents.services().stream().anyMatch(ScenarioLoader::launchesAgents)) {
            agents = new AgentsConfig(
                    inFolder(agents.assistants(), folder),
                    inFolder(agents.services(), folder),
                    agents.limits(),
                    agents.acceptFailures());
        }
        if (market == scenario.market() && agents == scenario.agents()) {
            return scenario;
        }
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.kernel(),
                market,
                agents,
                scenario.prices(),
                scenario.output(),
                scenario.sweep(),
                scenario.gateway());
    }

    private static boolean launchesAgents(AgentGroupConfig group) {
        return "external".equals(group.policy())
                && group.external() != null
                && group.external().command() != null;
    }

    private static List<AgentGroupConfig> inFolder(List<AgentGroupConfig> groups, Path folder) {
        List<AgentGroupConfig> out = new ArrayList<>();
        for (AgentGroupConfig group : groups) {
            if (!launchesAgents(group)) {
                out.add(group);
                continue;
            }
            ExternalConfig external = group.external();
            String directory = external.directory() == null ? "." : external.directory();
            out.add(new AgentGroupConfig(
                    group.policy(),
                    group.count(),
                    group.params(),
                    group.thinkTime(),
                    group.syntheticWork(),
                    group.llm(),
                    external.inDirectory(folder.resolve(directory).normalize().toString())));
        }
        return out;
    }

    private static JsonNode readTreeQuietly(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
