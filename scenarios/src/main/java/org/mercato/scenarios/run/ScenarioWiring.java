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
import org.mercato.agents.PolicyParams;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.SyntheticWork;
import org.mercato.agents.Tactic;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.scenarios.model.ServiceConfig;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.ResponseTime;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.MarketVersion;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.search.CachedSearch;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Turns a scenario into a ready-to-run {@link SimulationSetup}: catalog, agents, search, kernel.
 * A service group's {@code tactic} parameter (see {@link Tactic}) is applied here: the template is
 * appended to the description of every service in the group, so listings show it.
 */
public final class ScenarioWiring {
    private final PolicyRegistry registry;
    private final UnaryOperator<String> env;
    private final List<LlmGroup> llmGroups = new ArrayList<>();
    private final Map<ProviderSettings, LangChainProvider> providers = new LinkedHashMap<>();
    private final Map<String, ResponseCache> caches = new TreeMap<>();

    public ScenarioWiring(PolicyRegistry registry) {
        this(registry, System::getenv);
    }

    /** {@code env} looks up environment variables, for the API keys of LLM groups. */
    public ScenarioWiring(PolicyRegistry registry, UnaryOperator<String> env) {
        this.registry = registry;
        this.env = env;
    }

    /** The LLM groups of the last {@link #setup}, in order (assistant groups first). */
    public List<LlmGroup> llmGroups() {
        return List.copyOf(llmGroups);
    }

    /** The distinct providers of the last {@link #setup} (one per distinct configuration). */
    public List<LangChainProvider> providers() {
        return List.copyOf(providers.values());
    }

    public SimulationSetup setup(Scenario scenario) {
        MarketConfig market = scenario.market();
        Catalog catalog = catalog(scenario);
        Map<String, ThinkTime> latencies = latencies(market);
        llmGroups.clear();
        providers.clear();
        caches.clear();
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
            Tactic tactic = PolicyRegistry.tactic(
                    new PolicyParams(group.config().policy(), group.config().params()));
            for (int i = 0; i < group.count(); i++) {
                int index = next++;
                Service service = catalog.services().get(index);
                if (tactic != Tactic.CONTROL) {
                    services.set(index, service.withDescription(tactic.decorate(service.description())));
                    rewritten = true;
                }
                ThinkTime speed = latencies.getOrDefault(service.id(), responseTime(service, think));
                sellers.add(new SimulationSetup.Agent<>(SyntheticWork.around(factory.get(), work), speed));
            }
        }
        if (rewritten) {
            catalog = new Catalog(services, catalog.customers());
        }
        SearchConfig search = market.search();
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                search(search, catalog, scenario.seed()),
                new SearchSettings(search.pageSize(), search.pageLimit(), search.revealPrices()),
                llmKernel(kernel(scenario)),
                market.presentation().toModel(),
                market.reveal().toModel());
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

    private LlmAgentSettings llm(String role, int index, Assignment group) {
        AgentGroupConfig config = group.config();
        LlmConfig llm = config.llm();
        if (llm == null) {
            if (PolicyRegistry.isLlmPolicy(config.policy())) {
                throw new IllegalArgumentException("policy '" + config.policy()
                        + "' needs an llm section (provider, baseUrl, model, ...) in its agent group");
            }
            return null;
        }
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
        LlmClient client = new LlmClient(provider, cache, mode);
        llmGroups.add(new LlmGroup(role, index, config.policy(), group.count(), client));
        return new LlmAgentSettings(client, llm.history(), llm.maxToolErrors(), prompt(llm.prompt()));
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
