package org.mercato.scenarios.magentic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mercato.scenarios.keys.Suggestions;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;

/**
 * Reads a Magentic Marketplace dataset folder ({@code businesses/*.yaml} and {@code
 * customers/*.yaml}, as in Magentic's {@code data/} folders) into a {@link Catalog}. Files are read
 * in file-name order, so the catalog's order never depends on the file system.
 *
 * <p>A business needs {@code id}, {@code name}, {@code rating} (0 to 5), {@code menu_features}
 * (item: price) and {@code amenity_features} (amenity: true/false); {@code description} is
 * optional. Its amenities are those marked true. A customer needs {@code id}, {@code name}, {@code
 * request}, {@code menu_features} (item: the customer's reference price per unit) and {@code
 * amenity_features} (a list of required amenities). Other fields (Magentic's bookkeeping, such as a
 * business's minimum price factor) are ignored. Prices are rounded half-even to the cent. Amenity and item
 * names are kept exactly as Magentic writes them.
 *
 * <p>A customer wants one of each item unless the request states a number next to the item's
 * name: {@code 'Tacos' (2)}, {@code Tacos (quantity: 2)}, {@code 2 Tacos}, {@code 'Tacos': 2} or
 * {@code Tacos for 2 units}, at most {@link Money#MAX_QUANTITY}. The budget is the fulfilled value (2
 * × the reference value of the request); Magentic's files carry no budget. Prices and reference
 * values are bounded like a scenario's money: 0 to {@link Money#MAX}.
 *
 * <p>Errors ({@link MagenticFormatException}) name the file, line, column and field: a missing
 * required field, a value of the wrong type, a negative price, a duplicate id, and a required
 * amenity that no business in the folder lists at all (neither true nor false), which is almost
 * always a misspelling. A customer that no business can serve (none sells every requested item and
 * has every required amenity) is not an error but a warning in {@link MagenticDataset#warnings()}.
 */
public final class MagenticImporter {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private MagenticImporter() {}

    /**
     * Reads the dataset in {@code folder}.
     *
     * @throws MagenticFormatException naming the file and field when the folder cannot be used
     */
    public static MagenticDataset read(Path folder) {
        if (!Files.exists(folder)) {
            throw new MagenticFormatException(folder.toString(), "no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new MagenticFormatException(
                    folder.toString(),
                    "is a file, not a Magentic dataset folder (one holding businesses/ and customers/)");
        }
        List<Document> businessFiles = documents(folder, "businesses");
        List<Document> customerFiles = documents(folder, "customers");

        Map<String, Document> ids = new HashMap<>();
        Set<String> listedAmenities = new TreeSet<>();
        List<Service> services = new ArrayList<>();
        for (Document doc : businessFiles) {
            Service service = business(doc, ids);
            doc.root().get("amenity_features").fieldNames().forEachRemaining(listedAmenities::add);
            services.add(service);
        }
        List<Customer> customers = new ArrayList<>();
        for (Document doc : customerFiles) {
            customers.add(customer(doc, ids, listedAmenities));
        }
        Catalog catalog = new Catalog(services, customers);
        return new MagenticDataset(folder, catalog, unservable(catalog));
    }

    /**
     * One warning per customer that no service can serve: none sells every requested item, or none
     * of those that do has every required amenity. Such a customer can only gain nothing.
     */
    public static List<String> unservable(Catalog catalog) {
        List<String> warnings = new ArrayList<>();
        for (Customer customer : catalog.customers()) {
            int carriers = 0;
            int feasible = 0;
            for (Service service : catalog.services()) {
                if (service.menu().keySet().containsAll(customer.items().keySet())) {
                    carriers++;
                    if (service.hasAmenities(customer.requiredAmenities())) {
                        feasible++;
                    }
                }
            }
            if (carriers == 0) {
                warnings.add("customer " + customer.id() + " cannot be served: no business sells all of "
                        + quoted(customer.items().keySet()));
            } else if (feasible == 0) {
                warnings.add("customer " + customer.id() + " cannot be served: "
                        + (carriers == 1
                                ? "the only business that sells all of "
                                        + quoted(customer.items().keySet()) + " lacks some of "
                                : carriers + " businesses sell all of "
                                        + quoted(customer.items().keySet()) + " but none has all of ")
                        + quoted(customer.requiredAmenities()));
            }
        }
        return warnings;
    }

    // ---------------------------------------------------------------- businesses and customers

    private static Service business(Document doc, Map<String, Document> ids) {
        String id = id(doc, ids);
        String name = text(doc, "name");
        String description = doc.root().has("description") ? text(doc, "description") : null;
        BigDecimal rating = number(doc, doc.root().get("rating"), List.of("rating"), "a rating");
        if (rating == null) {
            throw doc.error(List.of("rating"), true, "missing; a business needs " + BUSINESS_FIELDS);
        }
        if (rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw doc.error(List.of("rating"), false, "must be within 0 to 5, was " + rating.toPlainString());
        }
        TreeMap<String, Long> menu = prices(doc, "a business needs " + BUSINESS_FIELDS);
        JsonNode amenities = mapping(doc, "amenity_features", "a mapping of amenity to true or false");
        TreeSet<String> has = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = amenities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isBoolean()) {
                throw doc.error(
                        List.of("amenity_features", entry.getKey()),
                        false,
                        "expected true or false, got " + describe(entry.getValue()));
            }
            if (entry.getValue().booleanValue()) {
                has.add(entry.getKey());
            }
        }
        return new Service(id, name, description, menu, has, rating.doubleValue(), 0);
    }

    private static final String BUSINESS_FIELDS = "id, name, rating, menu_features and amenity_features";
    private static final String CUSTOMER_FIELDS = "id, name, request, menu_features and amenity_features";

    private static Customer customer(Document doc, Map<String, Document> ids, Set<String> listedAmenities) {
        String id = id(doc, ids);
        String name = text(doc, "name");
        String request = text(doc, "request");
        TreeMap<String, Long> values = prices(doc, "a customer needs " + CUSTOMER_FIELDS);
        JsonNode list = doc.root().get("amenity_features");
        if (list == null) {
            throw doc.error(List.of("amenity_features"), true, "missing; a customer needs " + CUSTOMER_FIELDS);
        }
        if (!list.isArray()) {
            throw doc.error(
                    List.of("amenity_features"), false, "expected a list of required amenities, got " + describe(list));
        }
        TreeSet<String> required = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode amenity = list.get(i);
            if (!amenity.isTextual()) {
                throw doc.error(
                        List.of("amenity_features", i), false, "expected an amenity name, got " + describe(amenity));
            }
            if (!listedAmenities.contains(amenity.textValue())) {
                throw doc.error(
                        List.of("amenity_features", i),
                        false,
                        "unknown amenity '" + amenity.textValue() + "': no business in the folder lists it"
                                + Suggestions.hint(amenity.textValue(), listedAmenities));
            }
            required.add(amenity.textValue());
        }
        TreeMap<String, Integer> items = new TreeMap<>();
        for (String item : values.keySet()) {
            try {
                items.put(item, quantity(request, item, values.keySet()));
            } catch (IllegalArgumentException e) {
                throw doc.error(List.of("request"), false, e.getMessage());
            }
        }
        Customer draft = new Customer(id, name, request, items, values, required, 0);
        return draft.withBudget(draft.fulfilledValue());
    }

    private static String id(Document doc, Map<String, Document> ids) {
        String id = text(doc, "id");
        if (id.isBlank()) {
            throw doc.error(List.of("id"), false, "must not be blank");
        }
        Document first = ids.putIfAbsent(id, doc);
        if (first != null) {
            throw doc.error(List.of("id"), false, "'" + id + "' is already the id in " + first.shown());
        }
        return id;
    }

    private static String text(Document doc, String field) {
        JsonNode node = doc.root().get(field);
        if (node == null) {
            throw doc.error(List.of(field), true, "missing; " + doc.needs());
        }
        if (!node.isTextual()) {
            throw doc.error(List.of(field), false, "expected text, got " + describe(node));
        }
        return node.textValue();
    }

    private static JsonNode mapping(Document doc, String field, String expected) {
        JsonNode node = doc.root().get(field);
        if (node == null) {
            throw doc.error(List.of(field), true, "missing; " + doc.needs());
        }
        if (!node.isObject()) {
            throw doc.error(List.of(field), false, "expected " + expected + ", got " + describe(node));
        }
        return node;
    }

    /** {@code menu_features}: item to price, at least one, each a number >= 0, in cents. */
    private static TreeMap<String, Long> prices(Document doc, String needs) {
        JsonNode menu = mapping(doc, "menu_features", "a mapping of item to price");
        if (menu.isEmpty()) {
            throw doc.error(List.of("menu_features"), false, "lists no items");
        }
        TreeMap<String, Long> prices = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = menu.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<Object> path = List.of("menu_features", entry.getKey());
            BigDecimal price = number(doc, entry.getValue(), path, "a price");
            if (price == null) {
                throw doc.error(path, false, "expected a price, got nothing");
            }
            if (price.signum() < 0) {
                throw doc.error(path, false, "a price must be >= 0, was " + price.toPlainString());
            }
            String problem = Money.problem(price);
            if (problem != null) {
                throw doc.error(path, false, "a price " + problem);
            }
            prices.put(entry.getKey(), Money.cents(price.toPlainString()));
        }
        return prices;
    }

    /** The number at {@code node}, null if the node is absent; an error naming {@code path} if not a number. */
    private static BigDecimal number(Document doc, JsonNode node, List<Object> path, String what) {
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw doc.error(path, false, "expected " + what + " (a number), got " + describe(node));
        }
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw doc.error(path, false, "expected " + what + " (a finite number), got " + value);
            }
        }
        return node.decimalValue();
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "text '" + node.textValue() + "'";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "nothing";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "a mapping" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- quantities in the request

    /** Any run of digits: a quantity too large to read is refused, never read as something else. */
    private static final String NUMBER = "(\\d+)";

    /**
     * How many of {@code item} the request asks for: the number written next to the item's name
     * (see the class comment), else 1. Longer requested items that contain this item's name are
     * blanked out first, so "Flan (2)" is not read from "Coconut Flan (2)".
     *
     * @throws IllegalArgumentException if the request states two different numbers, or 0
     */
    static int quantity(String request, String item, Set<String> requested) {
        String text = request.replaceAll("\\s+", " ");
        String name = item.replaceAll("\\s+", " ");
        List<String> longer = requested.stream()
                .map(other -> other.replaceAll("\\s+", " "))
                .filter(other -> other.length() > name.length()
                        && other.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT)))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String other : longer) {
            text = Pattern.compile(Pattern.quote(other), Pattern.CASE_INSENSITIVE)
                    .matcher(text)
                    .replaceAll("\u0000");
        }
        String quotedName = "(?<![\\w])['\"‘’]?" + Pattern.quote(name) + "['\"‘’]?";
        Pattern[] forms = {
            Pattern.compile(quotedName + "\\s*\\((?:quantity:\\s*)?" + NUMBER + "\\)", Pattern.CASE_INSENSITIVE),
            Pattern.compile(quotedName + ":\\s*" + NUMBER + "\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile(quotedName + "\\s+for\\s+" + NUMBER + "\\s+units?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?<![\\w.,])" + NUMBER + "\\s+" + quotedName + "(?![\\w])", Pattern.CASE_INSENSITIVE),
        };
        TreeSet<Long> found = new TreeSet<>();
        for (Pattern form : forms) {
            Matcher m = form.matcher(text);
            while (m.find()) {
                String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
                if (digits.length() > String.valueOf(Money.MAX_QUANTITY).length()) {
                    throw new IllegalArgumentException("the quantity of '" + item + "' "
                            + Money.tooLargeQuantity(digits.length() > 20 ? digits.substring(0, 17) + "..." : digits));
                }
                found.add(Long.parseLong(digits));
            }
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("states different quantities of '" + item + "': "
                    + found.stream().map(String::valueOf).collect(Collectors.joining(" and ")));
        }
        long quantity = found.isEmpty() ? 1 : found.first();
        if (quantity < 1) {
            throw new IllegalArgumentException("the quantity of '" + item + "' must be at least 1, was 0");
        }
        if (quantity > Money.MAX_QUANTITY) {
            throw new IllegalArgumentException("the quantity of '" + item + "' " + Money.quantityProblem(quantity));
        }
        return (int) quantity;
    }

    // ---------------------------------------------------------------- files

    /** The YAML files of {@code folder/kind}, sorted by file name, parsed. */
    private static List<Document> documents(Path folder, String kind) {
        Path dir = folder.resolve(kind);
        if (!Files.isDirectory(dir)) {
            throw new MagenticFormatException(
                    folder.toString(),
                    "no " + kind + "/ folder; a Magentic dataset folder holds businesses/ and customers/");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new MagenticFormatException(dir.toString(), "cannot list: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new MagenticFormatException(dir.toString(), "holds no .yaml files");
        }
        List<Document> docs = new ArrayList<>(files.size());
        for (Path file : files) {
            docs.add(Document.parse(file, kind.equals("businesses")));
        }
        return docs;
    }

    /** One parsed file: its path, its text (to find where a field is) and its root mapping. */
    record Document(Path file, String text, JsonNode root, boolean business) {
        static Document parse(Path file, boolean business) {
            String shown = file.toString();
            String text;
            try {
                text = Files.readString(file);
            } catch (CharacterCodingException e) {
                throw new MagenticFormatException(shown, "cannot read: not UTF-8 text");
            } catch (IOException e) {
                throw new MagenticFormatException(shown, "cannot read: " + e.getMessage());
            }
            JsonNode root;
            try {
                root = YAML.readTree(text);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                return fail(shown, at, "malformed YAML: " + e.getOriginalMessage());
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new MagenticFormatException(shown, "is empty");
            }
            if (!root.isObject()) {
                throw new MagenticFormatException(
                        shown, 1, 1, "", "expected a mapping of fields (id, name, ...), got " + describe(root));
            }
            return new Document(file, text, root, business);
        }

        private static Document fail(String shown, JsonLocation at, String problem) {
            if (at == null || at.getLineNr() < 1) {
                throw new MagenticFormatException(shown, problem);
            }
            throw new MagenticFormatException(shown, at.getLineNr(), Math.max(1, at.getColumnNr()), "", problem);
        }

        String shown() {
            return file.toString();
        }

        String needs() {
            return business ? "a business needs " + BUSINESS_FIELDS : "a customer needs " + CUSTOMER_FIELDS;
        }

        /**
         * An error at {@code path} (field names and list indexes). Points at the document's start
         * for a missing top-level field, else at the value (or at the key when {@code atKey}).
         */
        MagenticFormatException error(List<Object> path, boolean missing, String problem) {
            int[] at = missing ? null : locate(path);
            String field = fieldName(path);
            return at == null
                    ? new MagenticFormatException(shown(), 0, 0, field, problem)
                    : new MagenticFormatException(shown(), at[0], at[1], field, problem);
        }

        /** {@code menu_features['Tacos']}, {@code amenity_features[0]}. */
        static String fieldName(List<Object> path) {
            StringBuilder out = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer index) {
                    out.append('[').append(index).append(']');
                } else if (out.length() == 0) {
                    out.append(segment);
                } else {
                    out.append("['").append(segment).append("']");
                }
            }
            return out.toString();
        }

        /** The line and column of the value at {@code path}, from the parser's token locations; null if not found. */
        int[] locate(List<Object> path) {
            try (JsonParser parser = YAML.getFactory().createParser(text)) {
                if (parser.nextToken() == null) {
                    return null;
                }
                for (Object segment : path) {
                    if (!descend(parser, segment)) {
                        return null;
                    }
                }
                JsonLocation location = parser.currentTokenLocation();
                return location.getLineNr() < 1
                        ? null
                        : new int[] {location.getLineNr(), Math.max(1, location.getColumnNr())};
            } catch (IOException e) {
                return null;
            }
        }

        /** Moves from the current container token to the value of {@code segment} in it. */
        private static boolean descend(JsonParser parser, Object segment) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT && segment instanceof String name) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean match = name.equals(parser.currentName());
                    parser.nextToken();
                    if (match) {
                        return true;
                    }
                    parser.skipChildren();
                }
                return false;
            }
            if (token == JsonToken.START_ARRAY && segment instanceof Integer index) {
                for (int i = 0; ; i++) {
                    JsonToken next = parser.nextToken();
                    if (next == null || next == JsonToken.END_ARRAY) {
                        return false;
                    }
                    if (i == index) {
                        return true;
                    }
                    parser.skipChildren();
                }
            }
            return false;
        }
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
