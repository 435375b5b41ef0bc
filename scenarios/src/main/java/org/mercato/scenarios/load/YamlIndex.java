package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mercato.scenarios.keys.KeyPath;

/**
 * Where each key path of a YAML document is: the line and column of its key (or of its list item)
 * and of its value, built from the YAML parser's token locations. Also notes duplicate keys, which
 * Jackson would otherwise let the last one win.
 */
final class YamlIndex {
    /** A 1-based line and column. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);

        static Position of(JsonLocation location) {
            return location == null || location.getLineNr() < 1
                    ? START
                    : new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /** A key given twice in the same mapping. */
    record Duplicate(KeyPath path, Position at, Position first) {}

    private final Map<KeyPath, Position> keys = new HashMap<>();
    private final Map<KeyPath, Position> values = new HashMap<>();
    private final Set<KeyPath> scalars = new HashSet<>();
    private final Map<KeyPath, String> written = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private Position extraDocument;
    private KeyPath alias;
    private KeyPath tooLong;

    private YamlIndex() {}

    /** Indexes {@code text}; throws the parser's exception if the YAML is malformed. */
    static YamlIndex parse(ObjectMapper mapper, String text) throws IOException {
        YamlIndex index = new YamlIndex();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            if (parser.nextToken() != null) {
                index.value(parser, KeyPath.ROOT, null);
                if (parser.nextToken() != null) {
                    index.extraDocument = Position.of(parser.currentTokenLocation());
                }
            }
        }
        return index;
    }

    private void value(JsonParser parser, KeyPath path, Position keyPosition) throws IOException {
        Position valuePosition = Position.of(parser.currentTokenLocation());
        keys.put(path, keyPosition != null ? keyPosition : valuePosition);
        values.put(path, valuePosition);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                KeyPath child = path.child(parser.currentName());
                if (tooLong == null && parser.currentName().length() > YamlText.MAX_VALUE_CHARS) {
                    tooLong = child;
                }
                Position at = Position.of(parser.currentTokenLocation());
                if (keys.containsKey(child)) {
                    duplicates.add(new Duplicate(child, at, keys.get(child)));
                }
                parser.nextToken();
                value(parser, child, at);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                value(parser, path.index(i++), null);
            }
        } else {
            if (alias == null && parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                alias = path;
            }
            scalars.add(path);
            if (token.isBoolean() || token.isNumeric()) {
                written.put(path, parser.getText());
            }
            if (tooLong == null
                    && token == JsonToken.VALUE_STRING
                    && parser.getTextLength() > YamlText.MAX_VALUE_CHARS) {
                tooLong = path;
            }
        }
    }

    /** The text as written of every scalar YAML read as a boolean or a number (see {@link TextScalars}). */
    Map<KeyPath, String> written() {
        return written;
    }

    /** The first key or value longer than {@link YamlText#MAX_VALUE_CHARS}. */
    Optional<KeyPath> tooLong() {
        return Optional.ofNullable(tooLong);
    }

    /** The first value written as a YAML alias ({@code *name}), which Jackson does not resolve. */
    Optional<KeyPath> alias() {
        return Optional.ofNullable(alias);
    }

    /** Whether the document has no content at all. */
    boolean isEmpty() {
        return keys.isEmpty();
    }

    boolean contains(KeyPath path) {
        return keys.containsKey(path);
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** Where a second YAML document starts, if the file has more than one. */
    Optional<Position> extraDocument() {
        return Optional.ofNullable(extraDocument);
    }

    /**
     * Where to point for a problem with {@code path}: a scalar's value, a mapping's or list's key,
     * or, for a path the file does not contain, the nearest enclosing key that it does.
     */
    Position position(KeyPath path) {
        if (scalars.contains(path)) {
            return values.get(path);
        }
        return keyPosition(path);
    }

    /** Where the value of {@code path} starts (or the nearest enclosing key the file contains). */
    Position valuePosition(KeyPath path) {
        Position at = values.get(path);
        return at != null ? at : keyPosition(path);
    }

    /** Where the key of {@code path} (or of its nearest enclosing key the file contains) is. */
    Position keyPosition(KeyPath path) {
        for (KeyPath p = path; p != null; p = p.parent()) {
            Position at = keys.get(p);
            if (at != null) {
                return at;
            }
        }
        return Position.START;
    }

    /** The path whose value starts at {@code location}, for errors that only carry a location. */
    Optional<KeyPath> pathAt(JsonLocation location) {
        if (location == null) {
            return Optional.empty();
        }
        Position at = Position.of(location);
        return values.entrySet().stream()
                .filter(e -> e.getValue().equals(at) && scalars.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
