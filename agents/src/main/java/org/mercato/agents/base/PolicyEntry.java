package org.mercato.agents.base;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One policy as the registry knows it: its scenario name, whether it talks to a model, the
 * parameter keys it takes and a factory that reads them. The factory checks a group's parameters
 * once and returns a supplier of fresh policy instances, one per agent. Each built-in policy class
 * declares its own entry ({@code ENTRY}), so its name, keys and parsing are written in one place.
 *
 * @param keys the keys the policy takes, checked before the factory runs (an unknown key is an
 *     {@link InvalidParameterException} naming the allowed ones); null when the factory checks for
 *     itself or ignores parameters
 */
public record PolicyEntry<P>(String name, boolean llm, Set<String> keys, Function<PolicyParams, Supplier<P>> factory) {
    public PolicyEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        keys = keys == null ? null : Set.copyOf(new TreeSet<>(keys));
    }

    /** A rule-based policy that never calls a model, taking exactly {@code keys}. */
    public static <P> PolicyEntry<P> behavioural(
            String name, Collection<String> keys, Function<PolicyParams, Supplier<P>> factory) {
        return new PolicyEntry<>(name, false, Set.copyOf(keys), factory);
    }

    /** A policy driven by a language model (its group needs an {@code llm} section), taking exactly {@code keys}. */
    public static <P> PolicyEntry<P> llm(
            String name, Collection<String> keys, Function<PolicyParams, Supplier<P>> factory) {
        return new PolicyEntry<>(name, true, Set.copyOf(keys), factory);
    }

    /**
     * A policy whose factory checks its parameters itself (a plugin registered with a plain
     * function), or ignores them.
     */
    public static <P> PolicyEntry<P> unchecked(String name, boolean llm, Function<PolicyParams, Supplier<P>> factory) {
        return new PolicyEntry<>(name, llm, null, factory);
    }

    /** The keys this policy takes, sorted (empty also when they are not declared). */
    public Set<String> allowedKeys() {
        return keys == null ? Set.of() : new TreeSet<>(keys);
    }

    /** Checks {@code params} against the declared keys, then makes the policy's factory. */
    public Supplier<P> create(PolicyParams params) {
        if (keys != null) {
            params.allowOnly(keys);
        }
        return factory.apply(params);
    }
}
