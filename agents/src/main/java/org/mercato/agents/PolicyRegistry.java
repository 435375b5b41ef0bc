package org.mercato.agents;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mercato.agents.assistant.AttentionBoundedAssistant;
import org.mercato.agents.assistant.BudgetedAssistant;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.agents.assistant.NegotiatorAssistant;
import org.mercato.agents.assistant.RationalAssistant;
import org.mercato.agents.assistant.SatisficerAssistant;
import org.mercato.agents.assistant.SusceptibleAssistant;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmAssistantPolicy;
import org.mercato.agents.llm.LlmServicePolicy;
import org.mercato.agents.service.CostPlusService;
import org.mercato.agents.service.DynamicPricingService;
import org.mercato.agents.service.ListingRewrite;
import org.mercato.agents.service.NegotiableService;
import org.mercato.agents.service.PostedPriceService;
import org.mercato.agents.service.UndercutService;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Behavioural policies by name. A factory checks a group's parameters once and returns a supplier
 * that makes one fresh policy instance per agent (policies keep per-agent state). A name that is
 * not registered but looks like a class name ({@code com.example.MyShopper}) is loaded from the
 * classpath (see {@link PolicyClasses}); {@link #withPlugins()} adds the policies of every {@link
 * PolicyProvider} found by {@link ServiceLoader}.
 */
public final class PolicyRegistry {
    public static final String LLM_ASSISTANT = "llm-assistant";
    public static final String LLM_SERVICE = "llm-service";
    private static final java.util.Set<String> BEHAVIOURAL = java.util.Set.of(
            "rational",
            "satisficer",
            "budgeted",
            "logit",
            "attention-bounded",
            "susceptible",
            "negotiator",
            "posted-price",
            "cost-plus",
            "undercut",
            "dynamic",
            "negotiable");
    private final SortedMap<String, Function<PolicyParams, Supplier<AssistantPolicy>>> assistants = new TreeMap<>();
    private final SortedMap<String, Function<PolicyParams, Supplier<ServicePolicy>>> services = new TreeMap<>();

    public static PolicyRegistry builtIn() {
        PolicyRegistry registry = new PolicyRegistry();
        registry.registerAssistant("rational", params -> {
            params.allowOnly("inquiries", "patience");
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            return () -> new RationalAssistant(k, patience);
        });
        registry.registerAssistant("satisficer", params -> {
            params.allowOnly("inquiries", "patience", "minUtility");
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            long minUtility = params.money("minUtility", 0.01);
            return () -> new SatisficerAssistant(k, patience, minUtility);
        });
        registry.registerAssistant("budgeted", params -> {
            params.allowOnly("pages", "inquiries", "patience");
            int pages = params.positiveInt("pages", 1);
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            return () -> new BudgetedAssistant(pages, k, patience);
        });
        registry.registerAssistant("logit", params -> {
            params.allowOnly(
                    "rank",
                    "row",
                    "column",
                    "logPrice",
                    "rating",
                    "logReviews",
                    "sponsored",
                    "overallPick",
                    "scarcity",
                    "tactics",
                    "patience");
            var beta = new LogitAssistant.Coefficients(
                    params.doubleValue("rank", 0),
                    params.doubleValue("row", 0),
                    params.doubleValue("column", 0),
                    params.doubleValue("logPrice", -1),
                    params.doubleValue("rating", 0),
                    params.doubleValue("logReviews", 0),
                    params.doubleValue("sponsored", 0),
                    params.doubleValue("overallPick", 0),
                    params.doubleValue("scarcity", 0),
                    params.doubleMap("tactics", Tactic.labels()));
            long patience = params.micros("patience", 5_000_000);
            return () -> new LogitAssistant(beta, patience);
        });
        registry.registerAssistant("attention-bounded", params -> {
            params.allowOnly("noise", "exponent", "patience");
            double noise = params.doubleAtLeast("noise", 1.0, 0);
            double exponent = params.doubleAtLeast("exponent", 0.5, 0);
            long patience = params.micros("patience", 5_000_000);
            return () -> new AttentionBoundedAssistant(noise, exponent, patience);
        });
        registry.registerAssistant("susceptible", params -> {
            params.allowOnly("inquiries", "patience", "susceptibility");
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            Map<Tactic, Double> susceptibility = new EnumMap<>(Tactic.class);
            params.doubleMap("susceptibility", Tactic.labels()).forEach((label, p) -> {
                if (!(p >= 0 && p <= 1)) {
                    throw new InvalidParameterException(
                            "susceptible",
                            "susceptibility",
                            "expected a probability in [0, 1] for '" + label + "', got " + p);
                }
                susceptibility.put(Tactic.parse(label), p);
            });
            return () -> new SusceptibleAssistant(k, patience, susceptibility);
        });
        registry.registerAssistant("negotiator", params -> {
            params.allowOnly("target", "reservation", "rounds", "patience");
            double target = params.doubleAtLeast("target", 0.7, 0);
            double reservation = params.doubleAtLeast("reservation", 1.0, target);
            int rounds = params.positiveInt("rounds", 3);
            long patience = params.micros("patience", 5_000_000);
            return () -> new NegotiatorAssistant(target, reservation, rounds, patience);
        });
        registry.registerService("posted-price", params -> {
            params.allowOnly("validity", "tactic", "rewrite");
            rewrite(params);
            long validity = validity(params);
            Tactic tactic = tactic(params);
            return () -> new PostedPriceService(validity, tactic);
        });
        registry.registerService("cost-plus", params -> {
            params.allowOnly("markup", "validity", "tactic");
            double markup = params.doubleAtLeast("markup", 0.3, -1);
            long validity = validity(params);
            Tactic tactic = tactic(params);
            return () -> new CostPlusService(markup, validity, tactic);
        });
        registry.registerService("undercut", params -> {
            params.allowOnly("step", "floor", "validity", "tactic");
            double step = params.doubleAtLeast("step", 0.05, 0);
            if (step >= 1) {
                throw new InvalidParameterException("undercut", "step", "expected a number below 1, got " + step);
            }
            double floor = params.doubleAtLeast("floor", 0.5, 0);
            long validity = validity(params);
            Tactic tactic = tactic(params);
            return () -> new UndercutService(step, floor, validity, tactic);
        });
        registry.registerService("dynamic", params -> {
            params.allowOnly("up", "down", "min", "max", "validity", "tactic");
            double up = params.doubleAtLeast("up", 0.05, 0);
            double down = params.doubleAtLeast("down", 0.05, 0);
            if (down >= 1) {
                throw new InvalidParameterException("dynamic", "down", "expected a number below 1, got " + down);
            }
            double min = params.doubleAtLeast("min", 0.5, 0);
            if (min > 1) {
                throw new InvalidParameterException("dynamic", "min", "expected a number <= 1, got " + min);
            }
            double max = params.doubleAtLeast("max", 2.0, 1);
            long validity = validity(params);
            Tactic tactic = tactic(params);
            return () -> new DynamicPricingService(up, down, min, max, validity, tactic);
        });
        registry.registerService("negotiable", params -> {
            params.allowOnly("floor", "validity", "tactic");
            double floor = params.doubleAtLeast("floor", 0.8, 0);
            long validity = validity(params);
            Tactic tactic = tactic(params);
            return () -> new NegotiableService(floor, validity, tactic);
        });
        registry.registerAssistant(LLM_ASSISTANT, params -> {
            // no parameters of its own; a behavioural group's params are ignored, so the group
            // switches to the model with one key (agents.assistants[0].policy=llm-assistant)
            return () -> new LlmAssistantPolicy(params.llm());
        });
        registry.registerService(LLM_SERVICE, params -> {
            params.allowOnly("validity");
            long validity = params.micros("validity", 600_000_000);
            return () -> new LlmServicePolicy(params.llm(), validity);
        });
        return registry;
    }

    /** The built-in policies plus those of every {@link PolicyProvider} on the classpath. */
    public static PolicyRegistry withPlugins() {
        return withPlugins(loader());
    }

    /** The built-in policies plus those of every {@link PolicyProvider} that {@code loader} sees. */
    public static PolicyRegistry withPlugins(ClassLoader loader) {
        PolicyRegistry registry = builtIn();
        for (PolicyProvider provider : ServiceLoader.load(PolicyProvider.class, loader)) {
            provider.register(registry);
        }
        return registry;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PolicyRegistry.class.getClassLoader();
    }

    private static long validity(PolicyParams params) {
        return params.micros("validity", 600_000_000);
    }

    /** A service group's manipulation tactic ({@code control} when not given). */
    public static Tactic tactic(PolicyParams params) {
        try {
            return Tactic.parse(params.stringValue("tactic", "control"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(params.policy(), "tactic", e.getMessage());
        }
    }

    /**
     * A service group's listing rewrite ({@code none} when not given; {@code keywords}: see {@link
     * ListingRewrite}), applied to the group's listings when the scenario is wired.
     */
    public static String rewrite(PolicyParams params) {
        String mode = params.stringValue("rewrite", "none");
        if (!ListingRewrite.MODES.contains(mode)) {
            throw new InvalidParameterException(
                    params.policy(), "rewrite", "expected one of " + ListingRewrite.MODES + ", got '" + mode + "'");
        }
        return mode;
    }

    /**
     * Whether {@code name} is a built-in behavioural policy: one that never talks to a model, so an
     * {@code llm} section in its group is inactive (kept for when the group switches to an LLM policy).
     */
    public static boolean isBehaviouralBuiltIn(String name) {
        return BEHAVIOURAL.contains(name);
    }

    /** Whether a registered name is one of the built-in LLM policies (which need an llm section). */
    public static boolean isLlmPolicy(String name) {
        return LLM_ASSISTANT.equals(name) || LLM_SERVICE.equals(name);
    }

    public void registerAssistant(String name, Function<PolicyParams, Supplier<AssistantPolicy>> factory) {
        assistants.put(name, factory);
    }

    public void registerService(String name, Function<PolicyParams, Supplier<ServicePolicy>> factory) {
        services.put(name, factory);
    }

    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params) {
        return assistant(name, params, null);
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params) {
        return service(name, params, null);
    }

    /** A group's policy factory; {@code llm} carries the group's model settings for LLM policies. */
    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params, LlmAgentSettings llm) {
        var factory = assistants.get(name);
        if (factory == null && PolicyClasses.isClassName(name)) {
            return PolicyClasses.load("assistant", name, AssistantPolicy.class, params);
        }
        if (factory == null) {
            throw new UnknownPolicyException("assistant", name, assistants.keySet());
        }
        return factory.apply(new PolicyParams(name, params, llm));
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params, LlmAgentSettings llm) {
        var factory = services.get(name);
        if (factory == null && PolicyClasses.isClassName(name)) {
            return PolicyClasses.load("service", name, ServicePolicy.class, params);
        }
        if (factory == null) {
            throw new UnknownPolicyException("service", name, services.keySet());
        }
        return factory.apply(new PolicyParams(name, params, llm));
    }

    public java.util.Set<String> assistantNames() {
        return assistants.keySet();
    }

    public java.util.Set<String> serviceNames() {
        return services.keySet();
    }
}
