package org.mercato.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Derives an independent random stream for every (master seed, stable key) pair. */
public final class Seeds {
    private Seeds() {}

    public static SplittableRandom derive(long masterSeed, String key) {
        return new SplittableRandom(mix(masterSeed ^ mix(fnv1a(key))));
    }

    /** FNV-1a over the key's UTF-8 bytes: stable across JVMs, unlike identity or hash-map order. */
    static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
