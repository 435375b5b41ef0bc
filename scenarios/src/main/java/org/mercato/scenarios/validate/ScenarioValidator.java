package org.mercato.scenarios.validate;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.UnknownPolicyException;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.scenarios.dynamics.ArrivalTrace;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.Suggestions;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.Locator;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.magentic.MagenticFormatException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.PricingConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.StrategyAuctionConfig;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.strategyauction.AuctionMemory;

/**
 * Checks what the schema cannot: that every agent group names a registered policy with valid
 * parameters, and that the scenario wires into a runnable setup (group counts add up, the market
 * domain is known, the explicit catalog is consistent, a Magentic dataset folder reads cleanly).
 * Problems become {@link ScenarioException}s naming the key, and the file location or {@code --set}
 * override when the scenario was loaded. A wiring problem names its key itself ({@link
 * WiringException}); one that does not (a provider the wiring could not create) is reported at
 * {@code market}.
 */
public final class ScenarioValidator {
    /**
     * The most threads the kernel can run agents on: Pekko's fork-join dispatcher refuses more
     * ({@code ForkJoinPool}'s limit). An LLM call in flight holds one, so the distinct models'
     * {@code concurrency} limits must add up to no more either.
     */
    public static final int MAX_THREADS = 32_767;

    /**
     * The longest scenario name: the run folder is {@code <name>-<yyyyMMdd-HHmmss>} (plus {@code -N}
     * when taken), and a file name has at most 255 bytes.
     */
    public static final int MAX_NAME = 200;

    /** The most customers a generated market may have (ten times the bundled scale-1m's). */
    public static final int MAX_GENERATED_CUSTOMERS = 10_000_000;

    /** The most services a generated market may have (ten times the bundled scale-1m's). */
    public static final int MAX_GENERATED_SERVICES = 1_000_000;

    private final PolicyRegistry registry;

    public ScenarioValidator(PolicyRegistry registry) {
        this.registry = registry;
    }

    /**
     * Loads {@code file}, applies {@code overrides}, and checks the policies and wiring against
     * {@code registry}, so an unknown policy or parameter is reported at its key like any other
     * problem.
     */
    public static Scenario load(Path file, List<String> overrides, PolicyRegistry registry) {
        return validated(ScenarioLoader.read(file, overrides), registry);
    }

    /** Validates a scenario {@link ScenarioLoader#read} gave and returns it. */
    public static Scenario validated(ScenarioLoader.Loaded loaded, PolicyRegistry registry) {
        new ScenarioValidator(registry).validate(loaded.scenario(), loaded.where());
        return loaded.scenario();
    }

    /** Validates a scenario built in code; messages name the key but no file. */
    public void validate(Scenario scenario) {
        validate(scenario, Locator.KEYS_ONLY);
    }

    /** Validates a loaded scenario; {@code where} locates its keys (see {@link ScenarioLoader#read}). */
    public void validate(Scenario scenario, Locator where) {
        checkLimits(scenario, where);
        checkGroups(
                KeyPath.of("agents", "assistants"),
                scenario.agents().assistants(),
                registry.assistantNames(),
                (policy, params) -> registry.assistant(policy, params),
                where);
        checkGroups(
                KeyPath.of("agents", "services"),
                scenario.agents().services(),
                registry.serviceNames(),
                (policy, params) -> registry.service(policy, params),
                where);
        try {
            WiredRun.wire(scenario, RunEnvironment.withoutModelCalls(registry)).close();
        } catch (ArrivalTrace.FormatException e) {
            ArrivalTrace.Problem problem = e.problem();
            if (problem.line() > 0) {
                throw new ScenarioException(problem.file().toString(), problem.line(), 1, "", problem.text());
            }
            throw where.error(KeyPath.of("market", "dynamics", "arrivals", "trace"), Locator.At.VALUE, problem.text());
        } catch (MagenticFormatException e) {
            throw where.error(KeyPath.of("market", "magentic"), Locator.At.VALUE, e.getMessage());
        } catch (WiringException e) {
            throw where.error(e.key(), Locator.At.BEST, e.problem());
        } catch (IllegalArgumentException e) {
            throw where.error(KeyPath.of("market"), Locator.At.BEST, String.valueOf(e.getMessage()));
        }
    }

    /** What the schema allows but the runtime refuses: see {@link #MAX_THREADS}, {@link #MAX_NAME}. */
    private static void checkLimits(Scenario scenario, Locator where) {
        if (scenario.name().length() > MAX_NAME) {
            throw where.error(
                    KeyPath.of("name"),
                    Locator.At.VALUE,
                    "a name has at most " + MAX_NAME + " characters (the run folder is <name>-<time>, and a file"
                            + " name at most 255 bytes), was " + scenario.name().length());
        }
        GeneratorConfig generate = scenario.market().generate();
        if (generate != null && generate.customers() > MAX_GENERATED_CUSTOMERS) {
            throw where.error(
                    KeyPath.of("market", "generate", "customers"),
                    Locator.At.VALUE,
                    "must be at most " + MAX_GENERATED_CUSTOMERS + ", was " + generate.customers());
        }
        if (generate != null && generate.services() > MAX_GENERATED_SERVICES) {
            throw where.error(
                    KeyPath.of("market", "generate", "services"),
                    Locator.At.VALUE,
                    "must be at most " + MAX_GENERATED_SERVICES + ", was " + generate.services());
        }
        Integer parallelism = scenario.kernel().parallelism();
        if (parallelism != null && parallelism > MAX_THREADS) {
            throw where.error(
                    KeyPath.of("kernel", "parallelism"),
                    Locator.At.VALUE,
                    "must be at most " + MAX_THREADS + " (the threads the kernel can run), was " + parallelism);
        }
        Map<ProviderSettings, Integer> distinct = new HashMap<>();
        long inFlight = 0;
        for (Map.Entry<KeyPath, LlmConfig> section : llmSections(scenario).entrySet()) {
            KeyPath at = section.getKey().child("concurrency");
            int concurrency = section.getValue().concurrency();
            if (concurrency > MAX_THREADS) {
                throw where.error(
                        at,
                        Locator.At.VALUE,
                        "must be at most " + MAX_THREADS + " (each call in flight holds one of the kernel's threads),"
                                + " was " + concurrency);
            }
            if (distinct.putIfAbsent(section.getValue().providerSettings(), concurrency) == null) {
                inFlight += concurrency;
            }
            if (inFlight > MAX_THREADS) {
                throw where.error(
                        at,
                        Locator.At.VALUE,
                        "the models' concurrency limits add up to " + inFlight + ", more than the " + MAX_THREADS
                                + " calls in flight the kernel can run (one thread each)");
            }
        }
        StrategyAuctionConfig auctions = scenario.market().strategyAuction();
        if (auctions != null && auctions.memory() != null) {
            checkMemory(auctions.memory(), where);
        }
    }

    /** Every llm section with its key path, in file order. */
    private static Map<KeyPath, LlmConfig> llmSections(Scenario scenario) {
        Map<KeyPath, LlmConfig> out = new LinkedHashMap<>();
        List<AgentGroupConfig> assistants = scenario.agents().assistants();
        for (int i = 0; i < assistants.size(); i++) {
            if (assistants.get(i).llm() != null) {
                out.put(
                        KeyPath.of("agents", "assistants", i, "llm"),
                        assistants.get(i).llm());
            }
        }
        List<AgentGroupConfig> services = scenario.agents().services();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).llm() != null) {
                out.put(
                        KeyPath.of("agents", "services", i, "llm"),
                        services.get(i).llm());
            }
        }
        StrategyAuctionConfig auctions = scenario.market().strategyAuction();
        if (auctions != null) {
            for (int i = 0; i < auctions.bidders().size(); i++) {
                if (auctions.bidders().get(i).llm() != null) {
                    out.put(
                            KeyPath.of("market", "strategyAuction", "bidders", i, "llm"),
                            auctions.bidders().get(i).llm());
                }
            }
            if (auctions.juryLlm() != null) {
                out.put(KeyPath.of("market", "strategyAuction", "juryLlm"), auctions.juryLlm());
            }
        }
        PricingConfig pricing = scenario.market().pricing();
        if (pricing != null) {
            if (pricing.policy().llm() != null) {
                out.put(
                        KeyPath.of("market", "pricing", "policy", "llm"),
                        pricing.policy().llm());
            }
            List<PricingConfig.Firm> firms = pricing.firms().list();
            for (int i = 0; firms != null && i < firms.size(); i++) {
                if (firms.get(i).policy() != null && firms.get(i).policy().llm() != null) {
                    out.put(
                            KeyPath.of("market", "pricing", "firms", i, "policy", "llm"),
                            firms.get(i).policy().llm());
                }
            }
        }
        return out;
    }

    /** The auction memory a run would load must read cleanly: a corrupt line is bad input, not a failed run. */
    private static void checkMemory(String folder, Locator where) {
        KeyPath key = KeyPath.of("market", "strategyAuction", "memory");
        try {
            AuctionMemory.load(Path.of(folder));
        } catch (AuctionMemory.CorruptEntryException e) {
            throw new ScenarioException(e.file().toString(), e.line(), 1, "", e.problem());
        } catch (IOException | InvalidPathException e) {
            throw where.error(
                    key, Locator.At.VALUE, "cannot read the auction memory: " + Excerpt.of(e.getMessage(), 200));
        }
    }

    /** The registered names and {@code external}, for "did you mean" hints. */
    private static Set<String> withExternal(Set<String> known) {
        Set<String> names = new TreeSet<>(known);
        names.add(ExternalFeature.POLICY);
        return names;
    }

    private static void checkGroups(
            KeyPath groupsPath,
            List<AgentGroupConfig> groups,
            Set<String> known,
            BiConsumer<String, Map<String, Object>> factory,
            Locator where) {
        for (int i = 0; i < groups.size(); i++) {
            AgentGroupConfig group = groups.get(i);
            KeyPath groupPath = groupsPath.index(i);
            if (group.llm() == null && PolicyRegistry.isLlmPolicy(group.policy())) {
                throw where.error(
                        groupPath.child("policy"),
                        Locator.At.VALUE,
                        "policy '" + group.policy() + "' needs an llm section (provider, baseUrl, model, ...)");
            }
            if (ExternalFeature.isExternal(group)) {
                continue; // its agent lives outside; params are ignored, like an LLM policy's
            }
            try {
                factory.accept(group.policy(), group.params());
            } catch (UnknownPolicyException e) {
                throw where.error(
                        groupPath.child("policy"),
                        Locator.At.VALUE,
                        e.getMessage() + Suggestions.hint(group.policy(), withExternal(known)));
            } catch (InvalidParameterException e) {
                String prefix = "policy '" + group.policy() + "', parameter '" + e.key() + "': ";
                String problem = e.getMessage().startsWith(prefix)
                        ? e.getMessage().substring(prefix.length()) + " (policy '" + group.policy() + "')"
                        : e.getMessage();
                boolean given = group.params().containsKey(e.key());
                throw where.error(
                        given ? groupPath.child("params").child(e.key()) : groupPath.child("params"),
                        given && problem.startsWith("unknown parameter") ? Locator.At.KEY : Locator.At.BEST,
                        problem);
            } catch (IllegalArgumentException e) {
                throw where.error(groupPath, Locator.At.BEST, "policy '" + group.policy() + "': " + e.getMessage());
            }
        }
    }
}
