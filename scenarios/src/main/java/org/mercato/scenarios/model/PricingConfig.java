package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Sellers that learn prices ({@code market.pricing}): {@code firms} firms (a count, or a list of
 * {@code {quality, cost, policy}} overriding the defaults) repeat a pricing game under Calvano's logit
 * demand ({@code quality} a_i, {@code cost} c_i, {@code outside} a_0, {@code mu}), each choosing
 * among {@code grid.size} prices spanning the Nash-to-monopoly range widened by {@code grid.xi}, seeing
 * the last {@code memory} periods' prices. {@code demand: logit} runs the analytic engine after the
 * shopping market (which may then be left out), {@code episodes} learning runs each until every
 * firm's greedy strategy holds {@code convergence.stable} periods (at most {@code
 * convergence.maxPeriods}), then the optional {@code impulse} (one firm deviates for a period);
 * {@code demand: agents} reprices the catalog's services at every period boundary of {@code
 * market.dynamics} instead. {@code logEvery}: periods per logged block. See the README's "Sellers that
 * learn prices".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "demand",
    "firms",
    "quality",
    "cost",
    "outside",
    "mu",
    "grid",
    "memory",
    "policy",
    "convergence",
    "episodes",
    "impulse",
    "logEvery"
})
public record PricingConfig(
        String demand,
        @JsonDeserialize(using = Firms.Reader.class) Firms firms,
        Double quality,
        Double cost,
        Double outside,
        Double mu,
        Grid grid,
        Integer memory,
        PricingPolicyConfig policy,
        Convergence convergence,
        Integer episodes,
        Impulse impulse,
        Long logEvery) {
    /** The demand that learns from logit shoppers in the kernel. */
    public static final String AGENTS = "agents";

    /** Calvano's analytic logit demand. */
    public static final String LOGIT = "logit";

    /** The most Q-table entries one firm may hold (states times actions): 50 million doubles, 400 MB. */
    public static final long MAX_TABLE = 50_000_000L;

    public PricingConfig {
        demand = Objects.requireNonNullElse(demand, LOGIT);
        if (!demand.equals(LOGIT) && !demand.equals(AGENTS)) {
            throw new IllegalArgumentException(
                    "demand must be logit (the analytic engine) or agents (shoppers in the market), was '" + demand
                            + "'");
        }
        firms = Objects.requireNonNullElse(firms, Firms.count(2));
        quality = finite("quality", Objects.requireNonNullElse(quality, 2.0));
        cost = finite("cost", Objects.requireNonNullElse(cost, 1.0));
        outside = finite("outside", Objects.requireNonNullElse(outside, 0.0));
        mu = finite("mu", Objects.requireNonNullElse(mu, 0.25));
        if (mu <= 0) {
            throw new IllegalArgumentException("mu must be > 0 (the logit's horizontal differentiation), was " + mu);
        }
        grid = Objects.requireNonNullElse(grid, new Grid(null, null));
        memory = Objects.requireNonNullElse(memory, 1);
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1 (periods of prices in the state), was " + memory);
        }
        policy = Objects.requireNonNullElse(policy, PricingPolicyConfig.DEFAULT);
        convergence = Objects.requireNonNullElse(convergence, new Convergence(null, null));
        episodes = Objects.requireNonNullElse(episodes, 100);
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, was " + episodes);
        }
        logEvery = Objects.requireNonNullElse(logEvery, 100_000L);
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1 (periods per logged block), was " + logEvery);
        }
        int n = firms.size();
        if (impulse != null && impulse.deviator() >= n) {
            throw new IllegalArgumentException(
                    "impulse deviator must name a firm, 0 to " + (n - 1) + ", was " + impulse.deviator());
        }
        double states = Math.pow(grid.size(), (double) n * memory);
        if (states * grid.size() > MAX_TABLE) {
            throw new IllegalArgumentException("memory " + memory + " with " + n + " firms and a grid of " + grid.size()
                    + " prices gives " + String.format(java.util.Locale.ROOT, "%.3g", states)
                    + " states per firm; at most " + MAX_TABLE + " state-price pairs fit: lower memory, firms or"
                    + " grid.size");
        }
    }

    private static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number, was " + value);
        }
        return value;
    }

    /** How many firms. */
    public int firmCount() {
        return firms.size();
    }

    /** Firm {@code i}'s quality a_i: its own entry, else the default. */
    public double quality(int i) {
        Firm firm = firms.firm(i);
        return firm == null || firm.quality() == null ? quality : firm.quality();
    }

    /** Firm {@code i}'s marginal cost c_i. */
    public double cost(int i) {
        Firm firm = firms.firm(i);
        return firm == null || firm.cost() == null ? cost : firm.cost();
    }

    /** Firm {@code i}'s pricing policy. */
    public PricingPolicyConfig policy(int i) {
        Firm firm = firms.firm(i);
        return firm == null || firm.policy() == null ? policy : firm.policy();
    }

    /** Whether the analytic logit engine runs (after the shopping market). */
    public boolean logitDemand() {
        return demand.equals(LOGIT);
    }

    /** The price grid: {@code size} prices (15), widened by {@code xi} (0.1) beyond Nash and monopoly. */
    @JsonPropertyOrder({"size", "xi"})
    public record Grid(Integer size, Double xi) {
        public Grid {
            size = Objects.requireNonNullElse(size, 15);
            if (size < 2) {
                throw new IllegalArgumentException("size must be >= 2 (prices on the grid), was " + size);
            }
            xi = Objects.requireNonNullElse(xi, 0.1);
            if (!(xi >= 0) || xi.isInfinite()) {
                throw new IllegalArgumentException("xi must be finite and >= 0, was " + xi);
            }
        }
    }

    /** Convergence: every firm's greedy strategy unchanged for {@code stable} periods, at most {@code maxPeriods}. */
    @JsonPropertyOrder({"stable", "maxPeriods"})
    public record Convergence(Long stable, Long maxPeriods) {
        public Convergence {
            stable = Objects.requireNonNullElse(stable, 100_000L);
            if (stable < 1) {
                throw new IllegalArgumentException("stable must be >= 1 (periods), was " + stable);
            }
            maxPeriods = Objects.requireNonNullElse(maxPeriods, 10_000_000L);
            if (maxPeriods < 1) {
                throw new IllegalArgumentException("maxPeriods must be >= 1, was " + maxPeriods);
            }
        }
    }

    /** After convergence, firm {@code deviator} (0) plays its static best response once; {@code periods} (15) follow. */
    @JsonPropertyOrder({"deviator", "periods"})
    public record Impulse(Integer deviator, Integer periods) {
        public Impulse {
            deviator = Objects.requireNonNullElse(deviator, 0);
            if (deviator < 0) {
                throw new IllegalArgumentException("deviator must be a firm index >= 0, was " + deviator);
            }
            periods = Objects.requireNonNullElse(periods, 15);
            if (periods < 1) {
                throw new IllegalArgumentException("periods must be >= 1, was " + periods);
            }
        }
    }

    /** One firm's own quality, cost or policy (each null: the section's default). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"quality", "cost", "policy"})
    public record Firm(Double quality, Double cost, PricingPolicyConfig policy) {
        public Firm {
            if (quality != null) {
                finite("quality", quality);
            }
            if (cost != null) {
                finite("cost", cost);
            }
        }
    }

    /** {@code firms}: a count (written back as one), or a list of {@link Firm}s (written back as the list). */
    public record Firms(int size, List<Firm> list) {
        public Firms {
            if (size < 1) {
                throw new IllegalArgumentException("firms must be >= 1, was " + size);
            }
            list = list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
        }

        public static Firms count(int n) {
            return new Firms(n, null);
        }

        /** Firm {@code i}'s own entry, or null. */
        Firm firm(int i) {
            return list == null ? null : list.get(i);
        }

        @JsonValue
        Object written() {
            return list == null ? size : list;
        }

        /** Reads a count or a list of firms. */
        public static final class Reader extends StdDeserializer<Firms> {
            private static final long serialVersionUID = 1L;

            public Reader() {
                super(Firms.class);
            }

            @Override
            public Firms deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    int n = p.getIntValue();
                    if (n < 1) {
                        throw JsonMappingException.from(p, "must be a count >= 1, was " + n);
                    }
                    return count(n);
                }
                if (p.currentToken() == JsonToken.START_ARRAY) {
                    List<Firm> firms = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        Firm firm = p.currentToken() == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Firm.class);
                        firms.add(firm == null ? new Firm(null, null, null) : firm);
                    }
                    if (firms.isEmpty()) {
                        throw JsonMappingException.from(p, "needs at least one firm");
                    }
                    return new Firms(firms.size(), firms);
                }
                throw JsonMappingException.from(
                        p, "expected a count of firms or a list of {quality, cost, policy}, got " + p.getText());
            }
        }
    }
}
