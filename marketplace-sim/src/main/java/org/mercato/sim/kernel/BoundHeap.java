package org.mercato.sim.kernel;

import java.util.Arrays;

/**
 * The rolling kernel's agent bounds as a min-heap of (bound, agent) with lazy deletion: a changed
 * bound is added again, and entries the kernel no longer considers current are dropped when they
 * reach the top.
 */
final class BoundHeap {
    @FunctionalInterface
    interface Current {
        boolean test(long bound, int agent);
    }

    private long[] keys = new long[256];
    private int[] agents = new int[256];
    private int size;

    void add(long bound, int agent) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            agents = Arrays.copyOf(agents, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= bound) {
                break;
            }
            keys[i] = keys[parent];
            agents[i] = agents[parent];
            i = parent;
        }
        keys[i] = bound;
        agents[i] = agent;
    }

    /** The least current bound, or {@link Long#MAX_VALUE} when there is none. */
    long least(Current current) {
        while (size > 0 && !current.test(keys[0], agents[0])) {
            removeTop();
        }
        return size == 0 ? Long.MAX_VALUE : keys[0];
    }

    /** The agent of the entry {@link #least} returned last, or -1 when there was none. */
    int leastAgent() {
        return size == 0 ? -1 : agents[0];
    }

    int size() {
        return size;
    }

    private void removeTop() {
        int last = --size;
        long key = keys[last];
        int agent = agents[last];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            agents[i] = agents[child];
            i = child;
        }
        if (size > 0) {
            keys[i] = key;
            agents[i] = agent;
        }
    }
}
