package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.pricing.LlmPricer;
import org.mercato.metrics.FailureFold;
import org.mercato.metrics.pricing.PricingFold;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.PricingConfig;
import org.mercato.scenarios.model.PricingPolicyConfig;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.pricing.AgentDemand;
import org.mercato.sim.pricing.BanditPricer;
import org.mercato.sim.pricing.BestResponsePricer;
import org.mercato.sim.pricing.Convergence;
import org.mercato.sim.pricing.Impulse;
import org.mercato.sim.pricing.LogitDemand;
import org.mercato.sim.pricing.MarkupPricer;
import org.mercato.sim.pricing.PricerFactory;
import org.mercato.sim.pricing.PricingGame;
import org.mercato.sim.pricing.PricingRun;
import org.mercato.sim.pricing.PricingSetup;
import org.mercato.sim.pricing.QLearningPricer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sellers that learn prices, wired from {@code market.pricing}: under {@code demand: agents} the
 * catalog's services reprice at each period boundary of the market's dynamics ({@link AgentDemand});
 * under {@code demand: logit} the
 * analytic engine ({@link PricingRun}) runs the learning episodes after the shopping market, in the
 * same log and virtual time, numbered on from the market's last event, on the kernel's parallelism
 * (the log is the same for any thread count). Its block {@code pricing} folds the pricing events
 * ({@link PricingFold}). A model that fails an LLM pricer ends the run's pricing as a failed agent
 * ({@code firm-<i>}, {@code llm-error}, with the cause), so the console, the summary's failures and
 * the exit code say so.
 */
public final class PricingFeature implements RunFeature {
    private static final Logger log = LoggerFactory.getLogger(PricingFeature.class);

    private PricingConfig config;
    private PricingSetup setup;
    private int threads;
    private final Map<String, Long> failureCauses = new TreeMap<>();

    @Override
    public void wireMarket(MarketWiring market) {
        config = market.scenario().market().pricing();
    }

    /**
     * Under {@code demand: agents}, after the dynamics are wired: the catalog's services are the firms,
     * repricing at each period boundary ({@link AgentDemand}).
     */
    @Override
    public void completeMarket(MarketWiring market) {
        if (config == null || config.logitDemand()) {
            return;
        }
        int services = market.catalog().services().size();
        if (services != config.firmCount()) {
            throw new WiringException(
                    KeyPath.of("market", "pricing", "firms"),
                    "demand: agents prices the catalog's services, one firm each: " + config.firmCount() + " firms but "
                            + services + " services");
        }
        if (hasLlmFirm()) {
            throw new WiringException(
                    KeyPath.of("market", "pricing", "demand"),
                    "llm sellers price under demand: logit only in this build; use a learning policy with"
                            + " demand: agents");
        }
        List<AgentGroupConfig> sellers = market.scenario().agents().services();
        for (int g = 0; g < sellers.size(); g++) {
            if (PolicyRegistry.isLlmPolicy(sellers.get(g).policy())) {
                // its prompt keeps the catalog's menu, so it would propose at prices no longer posted
                throw new WiringException(
                        KeyPath.of("agents", "services", g, "policy"),
                        "demand: agents reprices the services each period, which an LLM seller's prompt does not"
                                + " follow; use a behavioural seller such as posted-price");
            }
        }
        List<PricerFactory> firms = new ArrayList<>();
        for (int i = 0; i < config.firmCount(); i++) {
            firms.add(factory(config.policy(i)));
        }
        MarketDynamics d = market.dynamics();
        market.dynamics(new MarketDynamics(
                d.arrivals(),
                d.period(),
                d.horizon(),
                d.returns(),
                d.deliveryDelay(),
                d.quality(),
                d.reviews(),
                d.restock(),
                AgentDemand.repricing(game(), firms, market.scenario().seed())));
    }

    @Override
    public void prepareRun(MarketWiring market) {
        if (config == null || !config.logitDemand()) {
            return;
        }
        List<PricerFactory> firms = new ArrayList<>();
        for (int i = 0; i < config.firmCount(); i++) {
            PricingPolicyConfig policy = config.policy(i);
            firms.add(
                    policy.name().equals(PricingPolicyConfig.LLM)
                            ? LlmPricer.factory(
                                    market.llm().client(policy.llm(), "pricer", i, "llm-pricer", 1),
                                    policy.history(),
                                    market.llm().meter(policy.llm()))
                            : factory(policy));
        }
        PricingConfig.Impulse impulse = config.impulse();
        setup = new PricingSetup(
                game(),
                firms,
                convergence(),
                impulse == null ? null : new Impulse(impulse.deviator(), impulse.periods()),
                config.logEvery(),
                config.episodes(),
                market.scenario().seed());
        // a model's calls are charged to the run's bounds in call order: one thread keeps that order fixed
        threads = hasLlmFirm() ? 1 : market.scenario().kernel().parallelismOrDefault();
    }

    /** The stage game: the logit demand of the config's firms, their price grids and the state's memory. */
    private PricingGame game() {
        int n = config.firmCount();
        double[] quality = new double[n];
        double[] cost = new double[n];
        for (int i = 0; i < n; i++) {
            quality[i] = config.quality(i);
            cost[i] = config.cost(i);
        }
        LogitDemand demand = new LogitDemand(quality, cost, config.outside(), config.mu());
        return PricingGame.of(demand, config.grid().size(), config.grid().xi(), config.memory());
    }

    /**
     * The config's convergence rule; with a model among the firms (which does not learn) an episode
     * runs the llm policies' {@code periods} instead.
     */
    private Convergence convergence() {
        long periods = 0;
        for (int i = 0; i < config.firmCount(); i++) {
            if (config.policy(i).name().equals(PricingPolicyConfig.LLM)) {
                periods = Math.max(periods, config.policy(i).periods());
            }
        }
        return periods > 0
                ? new Convergence(periods, periods)
                : new Convergence(
                        config.convergence().stable(), config.convergence().maxPeriods());
    }

    private static PricerFactory factory(PricingPolicyConfig policy) {
        return switch (policy.name()) {
            case PricingPolicyConfig.Q_LEARNING ->
                QLearningPricer.factory(policy.alpha(), policy.beta(), policy.delta());
            case PricingPolicyConfig.BANDIT -> BanditPricer.factory(policy.exploration());
            case PricingPolicyConfig.BEST_RESPONSE -> BestResponsePricer.factory();
            case PricingPolicyConfig.MARKUP -> MarkupPricer.factory(policy.markup());
            default -> throw new IllegalStateException("no built-in pricer for policy " + policy.name());
        };
    }

    @Override
    public void afterMarket(AfterMarket next) {
        if (setup == null) {
            return;
        }
        AtomicLong episodes = new AtomicLong();
        LogTail tail = new LogTail();
        List<EventSink> sinks = new ArrayList<>(next.sinks());
        sinks.add(tail);
        sinks.add(event -> {
            if (event.event() instanceof PricingEpisodeEvent) {
                episodes.incrementAndGet();
            }
        });
        next.progress().phase("pricing", "of " + config.episodes() + " episodes", episodes::get);
        long started = System.nanoTime();
        try {
            PricingRun.run(setup, threads, next.lastTime(), next.nextSeq(), sinks);
        } catch (RuntimeException e) {
            if (!hasLlmFirm()) {
                throw e;
            }
            failed(e, Math.max(tail.nextSeq(), next.nextSeq()), next);
            return;
        }
        log.info(
                "pricing: {} episodes of {} firms on {} threads in {} ms",
                config.episodes(),
                config.firmCount(),
                threads,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean hasLlmFirm() {
        for (int i = 0; i < config.firmCount(); i++) {
            if (config.policy(i).name().equals(PricingPolicyConfig.LLM)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every LLM firm ends with {@code llm-error} (or the run bound's {@code limit:} reason) in the log;
     * the cause goes to the summary's failures.
     */
    private void failed(RuntimeException e, long seq, AfterMarket next) {
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof LlmException)) {
            root = root.getCause();
        }
        String cause = String.valueOf(root.getMessage()).strip().replaceAll("\\s+", " ");
        // a run bound reached ends the firms with the bound's reason, as it ends LLM agents in the market
        String reason = root instanceof LlmException llm
                        && llm.reason() != null
                        && llm.reason().startsWith(FailureFold.LIMIT_PREFIX)
                ? llm.reason()
                : FailureFold.LLM_ERROR;
        log.error("pricing stopped: an LLM pricer failed: {}", cause);
        long at = seq;
        for (int i = 0; i < config.firmCount(); i++) {
            if (!config.policy(i).name().equals(PricingPolicyConfig.LLM)) {
                continue;
            }
            LoggedEvent done = new LoggedEvent(next.lastTime(), at++, new DoneEvent("firm-" + i, reason));
            next.sinks().forEach(sink -> sink.accept(done));
            failureCauses.merge(reason + AgentFailures.EXPLAINED + cause, 1L, Long::sum);
        }
    }

    @Override
    public Map<String, Long> failureCauses() {
        return Map.copyOf(failureCauses);
    }

    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        // none when the log holds no pricing benchmark
        PricingFold fold = new PricingFold();
        return List.of(SummaryFold.over("pricing", fold, source -> fold.result(policies(source))));
    }

    /** The firms' policy names: the scenario's in a live run, the old summary's in mercato report. */
    @SuppressWarnings("unchecked")
    private List<String> policies(SummarySource source) {
        if (config != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < config.firmCount(); i++) {
                names.add(config.policy(i).name());
            }
            return names;
        }
        return source.carried(List.class, "pricing", "policies");
    }
}
