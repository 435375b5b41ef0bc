package org.mercato.agents.base;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Money;
import org.mercato.sim.kernel.Durations;

/**
 * A policy's parameters as given in a scenario. Typed getters read a key or fall back to a default;
 * {@link #allowOnly} rejects keys a policy does not know, naming the ones it does.
 */
public final class PolicyParams {
    private final String policy;
    private final Map<String, Object> values;
    private final Object llm;

    public PolicyParams(String policy, Map<String, ?> values) {
        this(policy, values, null);
    }

    /**
     * Parameters plus, for an LLM policy, its group's model settings (null for other policies). The
     * settings are typed by the policies that read them ({@code org.mercato.agents.llm}), so this
     * shared package does not depend on the model client.
     */
    public PolicyParams(String policy, Map<String, ?> values, Object llm) {
        this.policy = policy;
        this.values = new TreeMap<>(values == null ? Map.of() : values);
        this.llm = llm;
    }

    /** The group's model settings (its {@code llm} section); an LLM policy fails if there are none. */
    public <T> T llm(Class<T> type) {
        if (llm == null) {
            throw new InvalidParameterException(policy, "llm", "policy '" + policy + "' needs an llm section");
        }
        return type.cast(llm);
    }

    public static PolicyParams none(String policy) {
        return new PolicyParams(policy, Map.of());
    }

    public PolicyParams allowOnly(String... keys) {
        return allowOnly(Set.of(keys));
    }

    /** Rejects any key outside {@code keys}, naming the key and the allowed ones. */
    public PolicyParams allowOnly(Set<String> keys) {
        Set<String> allowed = new TreeSet<>(keys);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidParameterException(
                        policy, key, "unknown parameter; allowed: " + (allowed.isEmpty() ? "none" : allowed));
            }
        }
        return this;
    }

    public int intValue(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new InvalidParameterException(policy, key, "expected a whole number, got '" + value + "'");
    }

    public int positiveInt(String key, int fallback) {
        int value = intValue(key, fallback);
        if (value < 1) {
            throw new InvalidParameterException(policy, key, "expected a whole number >= 1, got " + value);
        }
        return value;
    }

    public double doubleValue(String key, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new InvalidParameterException(policy, key, "expected a number, got '" + value + "'");
    }

    /** A number of at least {@code min}. */
    public double doubleAtLeast(String key, double fallback, double min) {
        double value = doubleValue(key, fallback);
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new InvalidParameterException(policy, key, "expected a number >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * An amount of money in currency units, in cents: within ±{@link Money#MAX} (a threshold may be
     * negative), finite.
     */
    public long money(String key, double fallback) {
        double value = doubleValue(key, fallback);
        String problem = Money.problem(Math.abs(value));
        if (problem != null) {
            throw new InvalidParameterException(
                    policy,
                    key,
                    "expected an amount within -" + Money.MAX.toPlainString() + " and " + Money.MAX.toPlainString()
                            + ", got " + value);
        }
        return Money.cents(value);
    }

    /** Text, such as a tactic name; any scalar is read as its string form. */
    public String stringValue(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new InvalidParameterException(policy, key, "expected a single value, got '" + value + "'");
        }
        return value.toString();
    }

    /**
     * A map of names to numbers, such as {@code {authority: 0.8}}; keys outside {@code allowed} are
     * refused ({@code allowed} null: any name).
     */
    public Map<String, Double> doubleMap(String key, Set<String> allowed) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidParameterException(policy, key, "expected a map of names to numbers, got '" + value + "'");
        }
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (allowed != null && !allowed.contains(name)) {
                throw new InvalidParameterException(
                        policy, key, "unknown name '" + name + "'; allowed: " + new TreeSet<>(allowed));
            }
            if (!(entry.getValue() instanceof Number n)) {
                throw new InvalidParameterException(
                        policy, key, "expected a number for '" + name + "', got '" + entry.getValue() + "'");
            }
            out.put(name, n.doubleValue());
        }
        return out;
    }

    /** Whether the key was given as a map (such as {@code memory: {keep: 0.8}}). */
    public boolean isMap(String key) {
        return values.get(key) instanceof Map<?, ?>;
    }

    /** Whether the key was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The name of the policy these parameters are for. */
    public String policy() {
        return policy;
    }

    /** A duration such as {@code 20ms}; returns microseconds. */
    public long micros(String key, long fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parseMicros(value.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(policy, key, e.getMessage());
        }
    }
}
