package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mercato.scenarios.keys.KeyPath;

/**
 * A scenario or sweep file read strictly: within {@link YamlText}'s limits, one well-formed YAML
 * document, no duplicate keys, no aliases, no oversized value; every problem a {@link
 * ScenarioException} with the file, line, column and key. Binds parts of itself to types with the
 * same located messages as the scenario loader.
 */
public final class YamlDocument {
    private final String source;
    private final String text;
    private final YamlIndex index;
    private final ObjectMapper mapper;
    private final Locator locator;

    private YamlDocument(String source, String text, YamlIndex index, ObjectMapper mapper) {
        this.source = source;
        this.text = text;
        this.index = index;
        this.mapper = mapper;
        this.locator = (path, at, problem) -> {
            YamlIndex.Position p = switch (at) {
                case KEY -> index.keyPosition(path);
                case VALUE -> index.valuePosition(path);
                case BEST -> index.position(path);
            };
            return new ScenarioException(source, p.line(), p.column(), path.toString(), problem);
        };
    }

    /**
     * Reads and checks {@code file}, a {@code kind} file ("scenario", "sweep"); {@code needs} says
     * what an empty file lacks, such as "a market".
     */
    public static YamlDocument read(Path file, String kind, String needs) {
        String source = file.toString();
        String text = YamlText.read(file);
        ObjectMapper mapper = ScenarioYaml.mapper();
        YamlIndex index;
        try {
            index = YamlIndex.parse(mapper, text);
        } catch (JsonProcessingException e) {
            throw YamlSyntax.malformed(source, e);
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot read: " + Excerpt.of(e.getMessage(), 200));
        }
        YamlDocument doc = new YamlDocument(source, text, index, mapper);
        doc.check(kind, needs);
        return doc;
    }

    private void check(String kind, String needs) {
        if (index.isEmpty()) {
            throw new ScenarioException(source, "the file is empty; a " + kind + " needs at least " + needs);
        }
        if (!index.duplicates().isEmpty()) {
            YamlIndex.Duplicate d = index.duplicates().get(0);
            throw new ScenarioException(
                    source,
                    d.at().line(),
                    d.at().column(),
                    d.path().toString(),
                    "duplicate key " + Excerpt.quoted(String.valueOf(d.path().last())) + " (first given at " + d.first()
                            + ")");
        }
        if (index.extraDocument().isPresent()) {
            YamlIndex.Position at = index.extraDocument().get();
            throw new ScenarioException(
                    source, at.line(), at.column(), "", "a " + kind + " file holds one YAML document, found another");
        }
        if (index.tooLong().isPresent()) {
            throw locator.error(
                    index.tooLong().get(),
                    Locator.At.BEST,
                    "the value is longer than the " + YamlText.MAX_VALUE_CHARS + " characters a value may have");
        }
        if (index.alias().isPresent()) {
            throw locator.error(
                    index.alias().get(),
                    Locator.At.VALUE,
                    "YAML aliases (*name) are not supported in " + kind + " files; write the value out");
        }
    }

    String source() {
        return source;
    }

    String text() {
        return text;
    }

    YamlIndex index() {
        return index;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Locator locator() {
        return locator;
    }

    /**
     * The text as written of the scalar at {@code path} when YAML read it as a boolean or a number
     * ({@code off}, {@code 1.10}); empty for any other value.
     */
    public java.util.Optional<String> writtenAt(List<Object> path) {
        return java.util.Optional.ofNullable(index.written().get(new KeyPath(path)));
    }

    /** The document as a tree. */
    public JsonNode tree() {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw YamlSyntax.malformed(source, e);
        }
    }

    /**
     * Binds {@code node}, the part of this document at {@code path} (field names and list indexes),
     * to {@code type}; problems name their line, column and key.
     */
    public <T> T bind(JsonNode node, List<Object> path, Class<T> type) {
        KeyPath prefix = new KeyPath(path);
        Locator within = (p, at, problem) -> locator.error(new KeyPath(concat(prefix, p)), at, problem);
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw BindingErrors.translate(e, node, mapper, within);
        } catch (JsonProcessingException e) {
            throw within.error(KeyPath.ROOT, Locator.At.BEST, ScenarioException.oneLine(e.getOriginalMessage()));
        }
    }

    /** A problem with the value at {@code path} (field names and list indexes), located in the file. */
    public ScenarioException error(List<Object> path, String problem) {
        return locator.error(new KeyPath(path), Locator.At.BEST, problem);
    }

    private static List<Object> concat(KeyPath a, KeyPath b) {
        List<Object> out = new java.util.ArrayList<>(a.segments());
        out.addAll(b.segments());
        return out;
    }
}
