package org.mercato.scenarios.load;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import org.mercato.scenarios.keys.KeyPath;

/**
 * Gives text keys back the text they were written with. YAML reads a plain {@code no}, {@code off}
 * or {@code 0x10} as a boolean or a number; bound straight from the file, a text key still gets the
 * characters as written, but a tree (the file once {@code --set} overrides are applied) would turn
 * them into {@code false} or {@code 16}. This walks the tree along the scenario's types and puts the
 * written text back wherever a {@link String} is expected; numeric, boolean and free-form
 * ({@code params}) keys keep the typed value.
 */
final class TextScalars {
    private TextScalars() {}

    /**
     * @param written the text as written of every plain scalar YAML read as a boolean or a number,
     *     by key path
     */
    static void restore(JsonNode root, Class<?> type, Map<KeyPath, String> written, ObjectMapper mapper) {
        if (!written.isEmpty()) {
            walk(root, mapper.constructType(type), KeyPath.ROOT, written, mapper);
        }
    }

    private static void walk(
            JsonNode node, JavaType type, KeyPath path, Map<KeyPath, String> written, ObjectMapper mapper) {
        if (type == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            Map<String, JavaType> properties = type.isMapLikeType() ? null : properties(type, mapper);
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JavaType child = type.isMapLikeType() ? type.getContentType() : properties.get(field.getKey());
                KeyPath childPath = path.child(field.getKey());
                if (isText(child) && written.containsKey(childPath) && isTypedScalar(field.getValue())) {
                    field.setValue(TextNode.valueOf(written.get(childPath)));
                } else {
                    walk(field.getValue(), child, childPath, written, mapper);
                }
            }
        } else if (node instanceof ArrayNode array && (type.isCollectionLikeType() || type.isArrayType())) {
            JavaType child = type.getContentType();
            for (int i = 0; i < array.size(); i++) {
                KeyPath childPath = path.index(i);
                if (isText(child) && written.containsKey(childPath) && isTypedScalar(array.get(i))) {
                    array.set(i, TextNode.valueOf(written.get(childPath)));
                } else {
                    walk(array.get(i), child, childPath, written, mapper);
                }
            }
        }
    }

    private static Map<String, JavaType> properties(JavaType type, ObjectMapper mapper) {
        Map<String, JavaType> out = new java.util.HashMap<>();
        if (type.isContainerType()
                || type.isPrimitive()
                || type.getRawClass().getName().startsWith("java.")) {
            return out;
        }
        for (BeanPropertyDefinition property :
                mapper.getDeserializationConfig().introspect(type).findProperties()) {
            out.put(property.getName(), property.getPrimaryType());
        }
        return out;
    }

    private static boolean isText(JavaType type) {
        return type != null && type.getRawClass() == String.class;
    }

    private static boolean isTypedScalar(JsonNode node) {
        return node != null && (node.isBoolean() || node.isNumber());
    }
}
