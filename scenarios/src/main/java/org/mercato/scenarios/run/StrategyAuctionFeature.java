package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mercato.agents.strategyauction.BehaviouralBidder;
import org.mercato.agents.strategyauction.BehaviouralJury;
import org.mercato.agents.strategyauction.BidderProfile;
import org.mercato.agents.strategyauction.LlmJury;
import org.mercato.agents.strategyauction.LlmStrategyBidder;
import org.mercato.metrics.strategyauction.StrategyAuctionFold;
import org.mercato.scenarios.model.StrategyAuctionConfig;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.strategyauction.AuctionMemory;
import org.mercato.sim.strategyauction.Jury;
import org.mercato.sim.strategyauction.ScoreWeights;
import org.mercato.sim.strategyauction.StrategyAuction;
import org.mercato.sim.strategyauction.StrategyAuctionRun;
import org.mercato.sim.strategyauction.StrategyBidder;
import org.mercato.sim.strategyauction.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's strategy auctions, wired from {@code market.strategyAuction}: the tasks the customers
 * post, the bidders (behavioural, or asking a model through the run's LLM clients), the
 * behavioural jury and the auction memory (loaded from and saved to its folder when configured).
 * They run after the shopping market, as their own sequential engine in the same virtual time and
 * event log, numbered on from the market's last event (see docs/architecture.md, "Strategy
 * auctions"). Its block {@code strategyAuction} folds the auctions ({@link StrategyAuctionFold}).
 */
public final class StrategyAuctionFeature implements RunFeature {
    private static final Logger log = LoggerFactory.getLogger(StrategyAuctionFeature.class);

    /** Task topics; a task's text is a topic and a level word, so similar tasks share terms. */
    static final List<String> TOPICS = List.of(
            "refactor the billing parser",
            "summarize the quarterly sales report",
            "translate the product catalog",
            "plan a delivery route schedule",
            "debug the payment webhook",
            "write unit tests for the search index",
            "draft a customer support reply",
            "optimize the database query plan");

    private StrategyAuctionConfig config;
    private List<Task> tasks;
    private StrategyAuction auction;
    private Path memoryFolder;

    /** The auctions, the bidders' and jury's model clients, the memory (read from its folder). */
    @Override
    public void prepareRun(MarketWiring market) throws IOException {
        config = market.scenario().market().strategyAuction();
        if (config == null) {
            return;
        }
        long seed = market.scenario().seed();
        List<StrategyBidder> bidders = bidders(config, market.llm(), seed);
        var weights = config.weights();
        memoryFolder = config.memory() == null ? null : Path.of(config.memory());
        AuctionMemory memory = memoryFolder == null ? new AuctionMemory() : AuctionMemory.load(memoryFolder);
        auction = new StrategyAuction(
                bidders,
                jury(config, market.llm(), seed),
                new ScoreWeights(weights.cost(), weights.entropy(), weights.jury()),
                config.k(),
                memory);
        tasks = tasks(config, market.setup().catalog().customers(), seed);
    }

    @Override
    public void afterMarket(AfterMarket next) throws IOException {
        if (auction != null) {
            run(next.lastTime() + config.interval().micros(), next.nextSeq(), next.sinks());
        }
    }

    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        // none when the log holds no settled auction
        StrategyAuctionFold fold = new StrategyAuctionFold();
        return List.of(SummaryFold.over("strategyAuction", fold, source -> fold.result()));
    }

    private static List<StrategyBidder> bidders(StrategyAuctionConfig config, LlmFeature llm, long seed) {
        List<StrategyBidder> bidders = new ArrayList<>();
        int index = 0;
        for (StrategyAuctionConfig.BidderConfig b : config.bidders()) {
            BidderProfile profile = new BidderProfile(
                    b.bidderClass(),
                    b.pricePerToken(),
                    b.meanTokens(),
                    b.entropy(),
                    b.capability(),
                    b.slope(),
                    b.memoryHelp());
            if (b.llm() == null) {
                bidders.add(new BehaviouralBidder(b.id(), profile, seed));
            } else {
                var client = llm.client(b.llm(), "bidder", index, "llm-bidder " + b.id(), 1);
                bidders.add(new LlmStrategyBidder(b.id(), profile, client, llm.meter(b.llm()), b.maxSteps(), seed));
            }
            index++;
        }
        return bidders;
    }

    private static Jury jury(StrategyAuctionConfig config, LlmFeature llm, long seed) {
        int jurors = config.weights().jury().size();
        if (config.juryLlm() == null) {
            return new BehaviouralJury(jurors, config.juryNoise(), seed);
        }
        return new LlmJury(
                llm.client(config.juryLlm(), "jury", 0, "llm-jury", jurors), llm.meter(config.juryLlm()), jurors);
    }

    /** Task n of every customer in catalog order, then task n + 1: the memory grows across customers. */
    static List<Task> tasks(StrategyAuctionConfig config, List<Customer> customers, long seed) {
        double min = config.difficulty().min();
        double max = config.difficulty().max();
        List<Task> tasks = new ArrayList<>();
        for (int n = 1; n <= config.tasksPerCustomer(); n++) {
            for (Customer customer : customers) {
                SplittableRandom random = Seeds.derive(seed, "sale/task/" + customer.id() + "/" + n);
                double difficulty = Math.round((min + (max - min) * random.nextDouble()) * 1e4) / 1e4;
                String topic = TOPICS.get(random.nextInt(TOPICS.size()));
                tasks.add(
                        new Task(customer.id() + "-t" + n, customer.id(), difficulty, level(difficulty) + " " + topic));
            }
        }
        return tasks;
    }

    private static String level(double difficulty) {
        return difficulty < 0.25
                ? "quickly"
                : difficulty < 0.5 ? "carefully" : difficulty < 0.75 ? "thoroughly" : "expertly";
    }

    /** Runs every task from virtual time {@code start}; saves the memory; returns the next seq. */
    private long run(long start, long firstSeq, List<EventSink> sinks) throws IOException {
        int before = auction.memory().size();
        long next =
                StrategyAuctionRun.run(auction, tasks, start, config.interval().micros(), firstSeq, sinks);
        if (memoryFolder != null) {
            auction.memory().save(memoryFolder);
        }
        log.info(
                "strategy auctions: {} tasks, {} bidders, memory {} -> {} auctions{}",
                tasks.size(),
                auction.bidders().size(),
                before,
                auction.memory().size(),
                memoryFolder == null ? "" : " (saved to " + memoryFolder + ")");
        return next;
    }
}
