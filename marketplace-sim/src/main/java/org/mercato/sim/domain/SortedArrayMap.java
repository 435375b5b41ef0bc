package org.mercato.sim.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * An unmodifiable sorted map of text keys in two arrays, for {@link Immutable#sortedMap}. The
 * catalog of a million-customer market holds millions of these maps of two or three entries
 * (requested items, reference prices, menus); a {@code TreeMap} behind an unmodifiable view costs
 * a node per entry and two objects per map more, and is slower to read than a short array.
 * Iterates in the keys' natural order, equals and hashes like any {@link Map}.
 */
final class SortedArrayMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
    private final String[] keys;
    private final Object[] values;
    private Set<Map.Entry<String, V>> entries;

    private SortedArrayMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A sorted copy of {@code map}; its keys must not be null. */
    static <V> SortedArrayMap<V> copyOf(Map<String, V> map) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, V>[] sorted = map.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(sorted, Map.Entry.comparingByKey());
        String[] keys = new String[sorted.length];
        Object[] values = new Object[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = sorted[i].getKey();
            values[i] = sorted[i].getValue();
            if (i > 0 && keys[i].equals(keys[i - 1])) {
                throw new IllegalArgumentException("duplicate key " + keys[i]);
            }
        }
        return new SortedArrayMap<>(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    private int indexOf(Object key) {
        if (key == null) {
            throw new NullPointerException("a null key");
        }
        return key instanceof String text ? Arrays.binarySearch(keys, text) : -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        Set<Map.Entry<String, V>> view = entries;
        if (view == null) {
            view = new EntrySet();
            entries = view;
        }
        return view;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("an unmodifiable map");
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, V> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return slice(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> headMap(String toKey) {
        return slice(0, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> tailMap(String fromKey) {
        return slice(lowerBound(fromKey), keys.length);
    }

    @Override
    public String firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public String lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }

    /** The index of the first key at or after {@code key}. */
    private int lowerBound(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -i - 1;
    }

    private SortedMap<String, V> slice(int from, int to) {
        return new SortedArrayMap<>(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
    }

    private final class EntrySet extends AbstractSet<Map.Entry<String, V>> {
        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Map.Entry<String, V> next() {
                    if (next >= keys.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                }
            };
        }
    }
}
