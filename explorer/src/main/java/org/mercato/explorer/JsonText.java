package org.mercato.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** A column that holds JSON text ({@code items}, {@code lines}, {@code tags}), as JSON again. */
final class JsonText {
    private JsonText() {}

    /** The parsed value, null for null, the text itself when it is not JSON. */
    static JsonNode parse(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text.toString());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text.toString());
        }
    }
}
