package org.mercato.sim.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a scenario may name, in the order the documentation lists it. Each name is written once, on
 * its entry; the list shown to users ({@link #names()}) and the error for an unknown name are
 * derived from the entries.
 *
 * @param <T> an entry: a value, or a factory of values
 */
public final class Registry<T> {
    private final String kind;
    private final Map<String, T> byName;

    private Registry(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    /**
     * The entries, each under the name {@code nameOf} gives it; {@code kind} says what they are in
     * error messages (for example "search mechanism"). A name given twice is an error.
     */
    public static <T> Registry<T> of(String kind, Function<? super T, String> nameOf, List<? extends T> entries) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T entry : entries) {
            String name = nameOf.apply(entry);
            if (byName.putIfAbsent(name, entry) != null) {
                throw new IllegalArgumentException(kind + " '" + name + "' is registered twice");
            }
        }
        return new Registry<>(kind, byName);
    }

    /** Every name, in registration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The entry with this name; an unknown name is an error that lists the known ones. */
    public T get(String name) {
        T entry = byName.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown " + kind + " '" + name + "', expected one of " + String.join(", ", names()));
        }
        return entry;
    }
}
