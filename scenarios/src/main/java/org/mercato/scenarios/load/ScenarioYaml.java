package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.UncheckedIOException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.kernel.Preloader;
import org.yaml.snakeyaml.LoaderOptions;

/** The strict YAML mapper for scenarios, and the writer of {@code scenario.resolved.yaml}. */
public final class ScenarioYaml {
    private static final ObjectMapper MAPPER = build();
    /**
     * Builds the scenario's deserializers (Jackson introspects every record of the model, about a
     * sixth of a second in {@code mercato validate}) while the command line is still being set up.
     */
    private static final Preloader DESERIALIZERS = new Preloader("scenario-yaml-preload", () -> {
        MAPPER.readerFor(Scenario.class);
    });

    private ScenarioYaml() {}

    /**
     * The one mapper of scenario files, shared so that the deserializers it builds on first use are
     * built once per JVM. Thread-safe; callers must not reconfigure it ({@code copy()} first).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Starts building the scenario's deserializers on a background thread, for a caller that will
     * load a scenario after other work; loading without it is as correct, only later.
     */
    public static void preload() {
        DESERIALIZERS.start();
    }

    private static ObjectMapper build() {
        return YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        // "count:" with nothing after it is null in YAML (the default), not ""
                        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                        .loaderOptions(loaderOptions())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YamlText.MAX_FILE_BYTES);
        return options;
    }

    public static String write(Scenario scenario) {
        try {
            return mapper().writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
