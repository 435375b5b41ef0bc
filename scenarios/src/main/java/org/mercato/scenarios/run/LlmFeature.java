package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmBounds;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmPages;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.agents.llm.RunBudget;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.metrics.FailureFold;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.LlmPrice;
import org.mercato.scenarios.model.RunLimitsConfig;
import org.mercato.sim.KernelSettings;
import org.mercato.storefront.CachedRenderer;
import org.mercato.storefront.ChromiumRenderer;
import org.mercato.storefront.ChromiumSettings;
import org.mercato.storefront.ScreenshotRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Language models for a run: one provider per distinct configuration and one response cache per
 * folder, shared by every group that uses a model (agents, listing rewrites, strategy-auction
 * bidders and jury); the run's {@link RunBudget} ({@code agents.limits}), each group's {@link
 * LlmBounds} ({@code llm.limits}) charging money at its model's price ({@code prices}). It raises
 * the kernel's parallelism for the calls in flight, adds the {@code cost} block, explains {@code
 * llm-error} failures by cause, and closes the providers after the run. An {@code llm} section in a
 * group whose policy is a built-in behavioural one is inactive.
 */
public final class LlmFeature implements RunFeature {
    private static final Logger LOG = LoggerFactory.getLogger(LlmFeature.class);
    private final List<LlmGroup> groups = new ArrayList<>();
    private final List<LlmGroup> counterfactual = new ArrayList<>();
    private final Map<ProviderSettings, LangChainProvider> providers = new LinkedHashMap<>();
    private final Map<String, ResponseCache> caches = new TreeMap<>();
    private final List<String> unpriced = new ArrayList<>();
    private MarketWiring market;
    private RunBudget budget;
    private Map<String, LlmPrice> prices = Map.of();
    private final RunPages pages = new RunPages();
    /** The run's one Chromium, started on the first screenshot a real call needs (never in a replay). */
    private ScreenshotRenderer chromium;
    /** Screenshot caches by folder ("" for memory only), all in front of {@link #chromium}. */
    private final Map<String, CachedRenderer> screenshots = new TreeMap<>();

    @Override
    public void wireMarket(MarketWiring market) {
        this.market = market;
        budget = runBudget(market.scenario().agents().limitsOrDefault());
        prices = market.scenario().prices() == null
                ? Map.of()
                : market.scenario().prices();
        market.llm(this);
    }

    @Override
    public void completeMarket(MarketWiring market) {
        if (!unpriced.isEmpty()) {
            budget.warnAtFirstTurn("agents.limits.money = "
                    + market.scenario().agents().limitsOrDefault().money()
                    + " cannot be checked for model(s) " + unpriced + ": they have no price in prices, so their"
                    + " calls do not count toward it");
        }
        if (!providers.isEmpty()) {
            market.requireRollingKernel("language-model agents");
        }
        market.adjustKernel(this::forModelCalls);
    }

    /**
     * LLM calls block inside a policy, on one of the kernel's {@code parallelism} threads, so the
     * threads cap the calls in flight. With LLM groups parallelism rises to at least the sum of the
     * distinct providers' concurrency limits (never lowers), and the rolling kernel runs with an actor
     * per agent ({@link KernelSettings#forBlockingAgents}). Outcomes depend on neither: the kernel orders actions, not threads.
     */
    private KernelSettings forModelCalls(KernelSettings kernel) {
        if (providers.isEmpty()) {
            return kernel;
        }
        int needed = providers.values().stream()
                .mapToInt(p -> p.settings().concurrency())
                .sum();
        // Model calls take wall time: the rolling kernel overlaps calls of different windows.
        KernelSettings rolling = kernel.forBlockingAgents();
        return needed > rolling.parallelism() ? rolling.withParallelism(needed) : rolling;
    }

    /** The distinct providers of this run (one per distinct configuration). */
    public List<LangChainProvider> providers() {
        return List.copyOf(providers.values());
    }

    @Override
    public void startRun(RunStart start) {
        pages.into(start.folder());
    }

    /**
     * Ends the providers' speculative calls (answers nobody used count as wasted in the cost block)
     * and the run's Chromium, if a screenshot started it.
     */
    @Override
    public void close() {
        providers.values().forEach(LangChainProvider::close);
        screenshots.values().forEach(CachedRenderer::close);
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        return List.of(RunFact.of("cost", CostInfo.class, run -> {
            List<LlmGroup> costed = new ArrayList<>(groups);
            costed.addAll(counterfactual);
            CostInfo cost = CostInfo.of(costed, run.scenario().prices());
            return cost == null ? null : withScreenshots(cost);
        }));
    }

    /** The cost block with what the screenshots took, also logged (to run.log) when any were shown. */
    private CostInfo withScreenshots(CostInfo cost) {
        long rendered =
                screenshots.values().stream().mapToLong(CachedRenderer::renders).sum();
        long cached =
                screenshots.values().stream().mapToLong(CachedRenderer::hits).sum();
        if (rendered + cached > 0) {
            LOG.info("screenshots: {} rendered by Chromium, {} served from the cache", rendered, cached);
        }
        return cost.withScreenshots(rendered, cached);
    }

    /** The failure causes the LLM groups recorded ({@code llm-error: <cause>}), summed over groups. */
    @Override
    public Map<String, Long> failureCauses() {
        Map<String, Long> causes = new TreeMap<>();
        groups.forEach(g -> g.client()
                .usage()
                .failureCauses()
                .forEach((cause, n) ->
                        causes.merge(FailureFold.LLM_ERROR + AgentFailures.EXPLAINED + cause, n, Long::sum)));
        return causes;
    }

    /** The LLM groups wired so far, in order (assistant groups first). */
    public List<LlmGroup> groups() {
        return List.copyOf(groups);
    }

    /** Counts the model calls of another run made for this one's summary (a counterfactual) in the cost block. */
    void addCounted(List<LlmGroup> others) {
        counterfactual.addAll(others);
    }

    /**
     * The model settings of an agent group at {@code agents.<role>s[index]}; null when the group uses
     * no model (no llm section, or a behavioural policy with an inactive one).
     */
    public LlmAgentSettings agentSettings(String role, int index, AgentGroupConfig config, int count) {
        LlmConfig llm = config.llm();
        KeyPath group = KeyPath.of("agents", role + "s", index);
        if (llm != null && PolicyRegistry.isBehaviouralBuiltIn(config.policy())) {
            // inactive until the group switches to an LLM policy (the studies' one-key switch)
            return null;
        }
        if (llm == null) {
            if (PolicyRegistry.isLlmPolicy(config.policy())) {
                throw new WiringException(
                        group.child("policy"),
                        "policy '" + config.policy() + "' needs an llm section (provider, baseUrl, model, ...) in"
                                + " its agent group");
            }
            return null;
        }
        LlmClient client = client(llm, role, index, config.policy(), count);
        LlmBounds bounds = new LlmBounds(
                llm.limits().turns(),
                llm.limits().calls(),
                meter(llm),
                "agents." + role + "s[" + index + "].llm.limits");
        return new LlmAgentSettings(
                client,
                llm.history(),
                llm.maxToolErrors(),
                prompt(llm.prompt(), group.child("llm").child("prompt")),
                bounds,
                pages(llm, role, group));
    }

    /**
     * How a shopper group is shown results pages ({@code llm.page}); text for any other group, which
     * sees no results page and may not ask for screenshots.
     */
    private LlmPages pages(LlmConfig llm, String role, KeyPath group) {
        LlmPages.Mode mode = llm.pageMode();
        if (mode == LlmPages.Mode.TEXT) {
            return LlmPages.TEXT;
        }
        if (!role.equals("assistant")) {
            throw new WiringException(
                    group.child("llm").child("page"),
                    "only a shopper (agents.assistants) is shown results pages; expected text, got '" + llm.page()
                            + "'");
        }
        String folder = llm.screenshots() == null
                ? ""
                : Path.of(llm.screenshots().folder())
                        .toAbsolutePath()
                        .normalize()
                        .toString();
        CachedRenderer renderer = screenshots.computeIfAbsent(
                folder,
                f -> new CachedRenderer(
                        chromium(), f.isEmpty() ? Optional.empty() : Optional.of(Path.of(f)), SCREENSHOT_BYTES));
        return new LlmPages(mode, llm.viewportSize(), renderer, pages::keep);
    }

    /** Memory for screenshots kept per cache (PNG bytes), beyond the optional folder. */
    private static final long SCREENSHOT_BYTES = 256L << 20;

    /**
     * The run's Chromium: {@code MERCATO_CHROMIUM} in the run's environment, else the default
     * ({@link ChromiumSettings#defaults()}); lazy, so a replay that needs no screenshot starts none.
     */
    private ScreenshotRenderer chromium() {
        if (chromium == null) {
            String path = market.environment().env().apply(ChromiumSettings.ENV);
            chromium = ChromiumRenderer.start(
                    path == null || path.isBlank() ? ChromiumSettings.defaults() : new ChromiumSettings(Path.of(path)));
        }
        return chromium;
    }

    /** The run's bounds on model use ({@code agents.limits}), charged at the model's prices when listed. */
    public RunBudget.Meter meter(LlmConfig llm) {
        LlmPrice price = prices.get(llm.model());
        if (price == null && budget.hasMoneyBound() && !unpriced.contains(llm.model())) {
            unpriced.add(llm.model());
        }
        return price == null ? budget.meter(null, null) : budget.meter(price.input(), price.output());
    }

    /**
     * A client for one group of model users, sharing providers and caches with the run's other
     * groups, and counted in the run's cost block.
     */
    public LlmClient client(LlmConfig llm, String role, int index, String policy, int count) {
        ProviderSettings settings = llm.providerSettings();
        LangChainProvider provider = providers.computeIfAbsent(
                settings, s -> LangChainProvider.create(s, market.environment().env()));
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
        LlmPrice price = prices.get(llm.model());
        client.transcribeTo(new TranscriptGroup(
                market.transcripts(),
                role,
                index,
                policy,
                price == null ? null : price.input(),
                price == null ? null : price.output()));
        groups.add(new LlmGroup(role, index, policy, count, client));
        return client;
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

    private static String prompt(String file, KeyPath key) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new WiringException(key, "cannot read the prompt file " + file + ": " + e.getMessage());
        }
    }
}
