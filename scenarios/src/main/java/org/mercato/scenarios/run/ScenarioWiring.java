package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.SyntheticWork;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmBounds;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmListingRewrite;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.agents.llm.RunBudget;
import org.mercato.agents.service.ListingRewrite;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.LlmPrice;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.RunLimitsConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.scenarios.model.ServiceConfig;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.ResponseTime;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.search.CachedSearch;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a scenario into a ready-to-run {@link SimulationSetup}: catalog, agents, search, kernel.
 * A service group's {@code tactic} parameter (see {@link Tactic}) is applied here: the template is
 * appended to the description of every service in the group, so listings show it, and its label
 * is set as the service's {@code tactic}, so the log's {@code service} event names it. So is its
 * {@code rewrite} parameter ({@code keywords}: {@link ListingRewrite}; {@code llm}: {@link
 * LlmListingRewrite} with the group's llm section, one call per service), before the tactic. An {@code
 * llm} section in a group whose policy is a built-in behavioural one is inactive. The LLM agents of
 * a run share one {@link RunBudget} ({@code agents.limits}); each group has its {@link LlmBounds}
 * ({@code llm.limits}) and charges money at its model's price.
 */
public final class ScenarioWiring {
    private final PolicyRegistry registry;
    private static final Logger log = LoggerFactory.getLogger(ScenarioWiring.class);
    private final UnaryOperator<String> env;
    private final boolean modelCalls;
    private final List<LlmGroup> llmGroups = new ArrayList<>();
    private final Map<ProviderSettings, LangChainProvider> providers = new LinkedHashMap<>();
    private final Map<String, ResponseCache> caches = new TreeMap<>();
    private RunBudget budget;
    private Map<String, LlmPrice> prices = Map.of();
    private final List<String> unpriced = new ArrayList<>();

    public ScenarioWiring(PolicyRegistry registry) {
        this(registry, System::getenv);
    }

    /** {@code env} looks up environment variables, for the API keys of LLM groups. */
    public ScenarioWiring(PolicyRegistry registry, UnaryOperator<String> env) {
        this(registry, env, true);
    }

    private ScenarioWiring(PolicyRegistry registry, UnaryOperator<String> env, boolean modelCalls) {
        this.registry = registry;
        this.env = env;
        this.modelCalls = modelCalls;
    }

    /** A wiring that checks a scenario without calling a model (a model-written listing stays as it was). */
    public static ScenarioWiring withoutModelCalls(PolicyRegistry registry) {
        return new ScenarioWiring(registry, System::getenv, false);
    }

    /** The LLM groups of the last {@link #setup}, in order (assistant groups first). */
    public List<LlmGroup> llmGroups() {
        return List.copyOf(llmGroups);
    }

    /** The distinct providers of the last {@link #setup} (one per distinct configuration). */
    public List<LangChainProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * Ends the speculative model calls of the last {@link #setup}'s providers, once its run is over:
     * answers nobody used are counted as wasted in their groups' usage (read for the cost block
     * after this), and the providers' prefetch threads stop.
     */
    public void closeProviders() {
        providers.values().forEach(LangChainProvider::close);
    }

    public SimulationSetup setup(Scenario scenario) {
        MarketConfig market = scenario.market();
        Catalog catalog = catalog(scenario);
        Map<String, ThinkTime> latencies = latencies(market);
        llmGroups.clear();
        closeProviders();
        providers.clear();
        caches.clear();
        budget = runBudget(scenario.agents().limitsOrDefault());
        prices = scenario.prices() == null ? Map.of() : scenario.prices();
        unpriced.clear();
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        int groupIndex = 0;
        for (Assignment group : assign(
                "assistant", scenario.agents().assistants(), catalog.customers().size())) {
            Supplier<AssistantPolicy> factory = registry.assistant(
                    group.config().policy(), group.config().params(), llm("assistant", groupIndex++, group));
            ThinkTime think = group.config().thinkTime().toModel();
            int work = group.config().syntheticWorkOrZero();
            for (int i = 0; i < group.count(); i++) {
                assistants.add(new SimulationSetup.Agent<>(SyntheticWork.around(factory.get(), work), think));
            }
        }
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        List<Service> services = new ArrayList<>(catalog.services());
        boolean rewritten = false;
        int next = 0;
        groupIndex = 0;
        for (Assignment group : assign(
                "service", scenario.agents().services(), catalog.services().size())) {
            Supplier<ServicePolicy> factory = registry.service(
                    group.config().policy(), group.config().params(), llm("service", groupIndex++, group));
            ThinkTime think = group.config().thinkTime().toModel();
            int work = group.config().syntheticWorkOrZero();
            PolicyParams params =
                    new PolicyParams(group.config().policy(), group.config().params());
            Tactic tactic = PolicyRegistry.tactic(params);
            String rewrite = group.config().params().containsKey("rewrite") ? PolicyRegistry.rewrite(params) : "none";
            LlmClient rewriter = rewrite.equals("llm") ? rewriteClient(group, groupIndex - 1) : null;
            for (int i = 0; i < group.count(); i++) {
                int index = next++;
                Service service = catalog.services().get(index);
                if (!rewrite.equals("none")) {
                    service = rewriter == null
                            ? ListingRewrite.keywords(service, requests(catalog))
                            : modelRewrite(rewriter, service, requests(catalog));
                    services.set(index, service);
                    rewritten = true;
                }
                if (tactic != Tactic.CONTROL) {
                    services.set(
                            index,
                            service.withDescription(tactic.decorate(service.description()))
                                    .withTactic(tactic.label()));
                    rewritten = true;
                }
                ThinkTime speed = latencies.getOrDefault(service.id(), responseTime(service, think));
                sellers.add(new SimulationSetup.Agent<>(SyntheticWork.around(factory.get(), work), speed));
            }
        }
        if (rewritten) {
            catalog = new Catalog(services, catalog.customers());
        }
        if (!unpriced.isEmpty()) {
            budget.warnAtFirstTurn("agents.limits.money = "
                    + scenario.agents().limitsOrDefault().money()
                    + " cannot be checked for model(s) " + unpriced + ": they have no price in prices, so their"
                    + " calls do not count toward it");
        }
        SearchConfig search = market.search();
        KernelSettings kernel = llmKernel(kernel(scenario));
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                search(search, catalog, scenario.seed()),
                new SearchSettings(search.pageSize(), search.pageLimit(), search.revealPrices()),
                kernel,
                market.presentation().toModel(),
                market.reveal().toModel(),
                market.ads() == null
                        ? null
                        : AdsWiring.setup(market.ads(), catalog.services(), scenario.seed(), kernel.horizon()));
    }

    /**
     * LLM calls block inside a policy, on one of the kernel's {@code parallelism} threads, so the
     * threads cap the calls in flight. With LLM groups the wiring raises parallelism to at least the
     * sum of the distinct providers' concurrency limits (never lowers it), and runs the rolling
     * kernel. Outcomes depend on neither: the kernel orders actions, not threads.
     */
    private KernelSettings llmKernel(KernelSettings kernel) {
        int needed = providers.values().stream()
                .mapToInt(p -> p.settings().concurrency())
                .sum();
        if (providers.isEmpty()) {
            return kernel;
        }
        // Model calls take wall time: the rolling kernel overlaps calls of different windows.
        KernelSettings rolling = kernel.withRolling(true);
        return needed > rolling.parallelism() ? rolling.withParallelism(needed) : rolling;
    }

    /**
     * The client for a group's {@code rewrite: llm}, from its llm section (active for this even when
     * the policy is behavioural); null when model calls are off (validation).
     */
    private LlmClient rewriteClient(Assignment group, int index) {
        LlmConfig llm = group.config().llm();
        if (llm == null) {
            throw new IllegalArgumentException("agents.services[" + index + "].params.rewrite: 'llm' needs an llm"
                    + " section (baseUrl, model, ...) in the group");
        }
        if (!modelCalls) {
            return null;
        }
        return llmClient(llm, "service", index, group.config().policy() + " rewrite", group.count());
    }

    /** The model's rewrite; a failed call leaves the listing as it was (logged). */
    private static Service modelRewrite(LlmClient client, Service service, List<String> requests) {
        try {
            return LlmListingRewrite.rewrite(client, service, requests);
        } catch (LlmException e) {
            log.warn("listing rewrite of {} failed, keeping its description: {}", service.id(), e.getMessage());
            return service;
        }
    }

    private static List<String> requests(Catalog catalog) {
        return catalog.customers().stream().map(c -> c.request()).toList();
    }

    private LlmAgentSettings llm(String role, int index, Assignment group) {
        AgentGroupConfig config = group.config();
        LlmConfig llm = config.llm();
        if (llm != null && PolicyRegistry.isBehaviouralBuiltIn(config.policy())) {
            // inactive until the group switches to an LLM policy (the studies' one-key switch)
            return null;
        }
        if (llm == null) {
            if (PolicyRegistry.isLlmPolicy(config.policy())) {
                throw new IllegalArgumentException("policy '" + config.policy()
                        + "' needs an llm section (provider, baseUrl, model, ...) in its agent group");
            }
            return null;
        }
        LlmClient client = llmClient(llm, role, index, config.policy(), group.count());
        LlmPrice price = prices.get(llm.model());
        if (price == null && budget.hasMoneyBound() && !unpriced.contains(llm.model())) {
            unpriced.add(llm.model());
        }
        LlmBounds bounds = new LlmBounds(
                llm.limits().turns(),
                llm.limits().calls(),
                price == null ? budget.meter(null, null) : budget.meter(price.input(), price.output()),
                "agents." + role + "s[" + index + "].llm.limits");
        return new LlmAgentSettings(client, llm.history(), llm.maxToolErrors(), prompt(llm.prompt()), bounds);
    }

    private static RunBudget runBudget(RunLimitsConfig limits) {
        return new RunBudget(
                limits.llmCalls(),
                limits.tokens(),
                limits.money(),
                "agents.limits.llmCalls",
                "agents.limits.tokens",
                "agents.limits.money");
    }

    /**
     * A client for one group of model users, sharing providers and caches with the run's other
     * groups, and counted in the run's cost block.
     */
    LlmClient llmClient(LlmConfig llm, String role, int index, String policy, int count) {
        ProviderSettings settings = llm.providerSettings();
        LangChainProvider provider = providers.computeIfAbsent(settings, s -> LangChainProvider.create(s, env));
        CacheMode mode = llm.cache().cacheMode();
        ResponseCache cache = mode == CacheMode.OFF
                ? null
                : caches.computeIfAbsent(
                        Path.of(llm.cache().folder())
                                .toAbsolutePath()
                                .normalize()
                                .toString(),
                        folder -> new ResponseCache(Path.of(folder), 100_000));
        LlmClient client = new LlmClient(provider, cache, mode, llm.prefetch());
        llmGroups.add(new LlmGroup(role, index, policy, count, client));
        return client;
    }

    private static String prompt(String file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the prompt file " + file + ": " + e.getMessage());
        }
    }

    /** A fresh mechanism for this run's market, behind its ranking cache (see {@link CachedSearch}). */
    static CachedSearch search(SearchConfig search, Catalog catalog, long seed) {
        return SearchMechanisms.create(
                search.mechanism(), catalog.services(), seed, new MarketVersion(), search.cacheSizeOrDefault());
    }

    public static KernelSettings kernel(Scenario scenario) {
        KernelConfig k = scenario.kernel();
        return new KernelSettings(
                scenario.seed(),
                k.networkDelayMicros(),
                k.horizonMicros(),
                k.parallelismOrDefault(),
                k.modeOrDefault() == KernelMode.BARE ? KernelSettings.Mode.BARE : KernelSettings.Mode.ACTORS);
    }

    public static Catalog catalog(Scenario scenario) {
        return CatalogFactory.catalog(scenario);
    }

    /** A service's own response-time profile, if the catalog gives one, else its group's think time. */
    private static ThinkTime responseTime(Service service, ThinkTime groupThinkTime) {
        ResponseTime profile = service.responseTime();
        return profile == null
                ? groupThinkTime
                : new ThinkTime.LogNormal(profile.min(), profile.median(), profile.sigma());
    }

    private static Map<String, ThinkTime> latencies(MarketConfig market) {
        Map<String, ThinkTime> latencies = new TreeMap<>();
        if (market.services() != null) {
            for (ServiceConfig s : market.services()) {
                if (s.latency() != null) {
                    latencies.put(s.id(), s.latency().toModel());
                }
            }
        }
        return latencies;
    }

    private record Assignment(AgentGroupConfig config, int count) {}

    private static List<Assignment> assign(String role, List<AgentGroupConfig> groups, int agents) {
        List<Assignment> out = new ArrayList<>();
        int left = agents;
        int open = 0;
        for (AgentGroupConfig group : groups) {
            if (group.count() == null) {
                open++;
            } else {
                left -= group.count();
            }
        }
        if (left < 0) {
            throw new IllegalArgumentException(
                    role + " groups ask for " + (agents - left) + " agents but the market has " + agents);
        }
        if (open > 1) {
            throw new IllegalArgumentException("at most one " + role + " group may leave out count");
        }
        if (open == 0 && left > 0) {
            throw new IllegalArgumentException(left + " " + role + "s have no group: give one group no count");
        }
        for (AgentGroupConfig group : groups) {
            out.add(new Assignment(group, group.count() == null ? left : group.count()));
        }
        return out;
    }
}
