package org.mercato.sim.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sorted, unmodifiable copies for record components. A value that is already such a copy is
 * returned as it is, so passing a catalog's menu into a listing or a message costs nothing.
 */
public final class Immutable {
    private static final Class<?> SORTED_SET =
            Collections.unmodifiableSortedSet(new TreeSet<>()).getClass();
    private static final SortedMap<String, ?> EMPTY_MAP = SortedArrayMap.copyOf(Map.of());
    private static final SortedSet<String> EMPTY_SET = Collections.unmodifiableSortedSet(new TreeSet<>());

    private Immutable() {}

    @SuppressWarnings("unchecked")
    public static <V> SortedMap<String, V> sortedMap(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return (SortedMap<String, V>) EMPTY_MAP;
        }
        if (map instanceof SortedArrayMap<V> copy) {
            return copy;
        }
        return SortedArrayMap.copyOf(map);
    }

    public static SortedSet<String> sortedSet(Set<String> set) {
        if (set == null || set.isEmpty()) {
            return EMPTY_SET;
        }
        if (set.getClass() == SORTED_SET) {
            return (SortedSet<String>) set;
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }

    @SuppressWarnings("unchecked")
    public static <V> SortedMap<String, V> emptyMap() {
        return (SortedMap<String, V>) EMPTY_MAP;
    }
}
