package org.mercato.sim.market;

import java.util.Arrays;

/**
 * A set of longs in one open-addressed array (linear probing), without a boxed {@code Long} and
 * a hash-map node per element: the market keeps one entry per conversation, millions in a large
 * market, and checks one on every reply and proposal. Membership only; no iteration, so no order.
 */
final class LongHashSet {
    private static final long EMPTY = 0L;

    private long[] slots;
    private int size;
    private boolean hasEmptyKey;

    LongHashSet() {
        this.slots = new long[64];
    }

    private LongHashSet(LongHashSet from) {
        this.slots = from.slots.clone();
        this.size = from.size;
        this.hasEmptyKey = from.hasEmptyKey;
    }

    LongHashSet copy() {
        return new LongHashSet(this);
    }

    /** Adds {@code key}; true if it was not there. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasEmptyKey;
            hasEmptyKey = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, key)) {
            size++;
            return true;
        }
        return false;
    }

    boolean contains(long key) {
        if (key == EMPTY) {
            return hasEmptyKey;
        }
        int mask = slots.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = slots[i];
            if (found == key) {
                return true;
            }
            if (found == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.stream(old).filter(k -> k != EMPTY).forEach(k -> insert(slots, k));
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = table[i];
            if (found == key) {
                return false;
            }
            if (found == EMPTY) {
                table[i] = key;
                return true;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
