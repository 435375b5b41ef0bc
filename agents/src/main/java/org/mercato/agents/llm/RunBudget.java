package org.mercato.agents.llm;

import java.util.Map;
import java.util.TreeMap;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.policy.AgentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's bounds on what all its LLM agents use together: model calls, tokens and money. Every
 * model call of a turn is charged at the virtual time the turn's actions take effect (its {@link
 * #keyOf key}); a turn starting on an observation at time t reads only the charges keyed before t.
 * The kernel applies an item at t only once every turn whose actions take effect before t has
 * finished (its safe horizon), and a turn still running or not yet started acts after t; so that
 * sum is the same whatever the threads do, and whether a turn is refused is deterministic. A turn
 * is refused once a sum has reached its bound; the turns already under way when it is reached still
 * finish, so a run may end a few turns (about one per agent) beyond it. Answers from the cache and
 * from requests sent ahead count like any other (a replay stops where its recording stopped), and
 * money is the price per million tokens times the tokens of every answer (cached ones too), in
 * billionths, summed exactly. Requests sent ahead on a guess are not charged until a real turn
 * uses their answer.
 */
public final class RunBudget {
    private static final Logger log = LoggerFactory.getLogger(RunBudget.class);

    public static final String CALLS = "limit:run-calls";
    public static final String TOKENS = "limit:run-tokens";
    public static final String MONEY = "limit:run-money";

    private static final int N_CALLS = 0;
    private static final int N_TOKENS = 1;
    private static final int N_MONEY = 2;
    private static final double NANOS = 1e9;

    private final long[] max;
    private final String[] names;
    private final boolean[] logged = new boolean[3];
    /** Charges by key; {@code below} is the sum of those keyed before {@code frontier}. */
    private final TreeMap<Long, long[]> charges = new TreeMap<>();

    private final long[] below = new long[3];
    private long frontier = Long.MIN_VALUE;
    /** The key of the next call made outside the kernel: after every turn's key (virtual times). */
    private long nextSerialKey = Long.MAX_VALUE / 2;

    private final long[] total = new long[3];
    private String firstTurnWarning;

    /**
     * A budget of {@code calls} model calls, {@code tokens} tokens (input and output) and {@code
     * money} (null: none) for the run; {@code names} say where each bound was set, for the log.
     */
    public RunBudget(long calls, long tokens, Double money, String callsName, String tokensName, String moneyName) {
        if (calls < 1 || tokens < 1) {
            throw new IllegalArgumentException("run bounds on calls and tokens must be >= 1");
        }
        if (money != null && !(money > 0 && money <= Long.MAX_VALUE / NANOS)) {
            throw new IllegalArgumentException("the run's money bound must be > 0, was " + money);
        }
        this.max = new long[] {calls, tokens, money == null ? Long.MAX_VALUE : Math.round(money * NANOS)};
        this.names = new String[] {callsName, tokensName, moneyName};
    }

    /** No run-wide bound (for a policy used outside a scenario). */
    public static RunBudget unlimited() {
        return new RunBudget(Long.MAX_VALUE, Long.MAX_VALUE, null, "calls", "tokens", "money");
    }

    /**
     * The key of a turn on the observation {@code context} hands over: the virtual time its actions
     * will take effect (the observation's time, the network delay and the think time the kernel
     * has drawn for it). Outside the kernel, the observation's time.
     */
    static long keyOf(AgentContext context) {
        return context.actsAt();
    }

    /**
     * The bound a turn on an observation at {@code now} may not pass, as its {@code done} reason
     * ({@link #CALLS}, {@link #TOKENS}, {@link #MONEY}), or null when none is reached.
     */
    synchronized String refusal(long now) {
        return refusal(now, 0);
    }

    /**
     * As {@link #refusal(long)} for a turn whose first request shows images estimated at {@code
     * upcomingTokens}: the bound on tokens counts them before the call (a screenshot is known to
     * cost them whatever the model answers).
     */
    synchronized String refusal(long now, long upcomingTokens) {
        if (firstTurnWarning != null) {
            log.warn("{}", firstTurnWarning);
            firstTurnWarning = null;
        }
        long[] spent = spentBefore(now);
        spent[N_TOKENS] = plus(spent[N_TOKENS], upcomingTokens);
        for (int i = 0; i < 3; i++) {
            if (spent[i] >= max[i]) {
                String reason = reason(i);
                if (!logged[i]) {
                    logged[i] = true;
                    log.warn(
                            "the run reached {} = {} ({}): each LLM agent ends at its next turn",
                            names[i],
                            i == N_MONEY ? Double.toString(max[i] / NANOS) : Long.toString(max[i]),
                            reason);
                }
                return reason;
            }
        }
        return null;
    }

    /**
     * Logs {@code warning} when the run's first LLM turn starts (so it lands in the run's log
     * rather than before it opens).
     */
    public synchronized void warnAtFirstTurn(String warning) {
        firstTurnWarning = warning;
    }

    private synchronized long serialKey() {
        return nextSerialKey++;
    }

    /** Whether the run has a bound on money. */
    public boolean hasMoneyBound() {
        return max[N_MONEY] != Long.MAX_VALUE;
    }

    /** Whether any bound is reached by what has been charged so far (guesses stop then). */
    synchronized boolean reached() {
        for (int i = 0; i < 3; i++) {
            if (total[i] >= max[i]) {
                return true;
            }
        }
        return false;
    }

    /** What is charged so far: calls, tokens, money in billionths. */
    public synchronized long[] spent() {
        return total.clone();
    }

    private static String reason(int bound) {
        return switch (bound) {
            case N_CALLS -> CALLS;
            case N_TOKENS -> TOKENS;
            default -> MONEY;
        };
    }

    private synchronized void charge(long key, long calls, long tokens, long money) {
        long[] at = charges.computeIfAbsent(key, k -> new long[3]);
        long[] amounts = {calls, tokens, money};
        for (int i = 0; i < 3; i++) {
            at[i] = plus(at[i], amounts[i]);
            total[i] = plus(total[i], amounts[i]);
            if (key < frontier) {
                below[i] = plus(below[i], amounts[i]);
            }
        }
    }

    /**
     * The sums of the charges keyed before {@code t}. Kept at the largest {@code t} asked so far
     * (a charge keyed before it cannot come any more), so each charge is added there once and an
     * earlier {@code t} subtracts only the few charges in between.
     */
    private long[] spentBefore(long t) {
        if (t >= frontier) {
            for (long[] c : charges.subMap(frontier, true, t, false).values()) {
                for (int i = 0; i < 3; i++) {
                    below[i] = plus(below[i], c[i]);
                }
            }
            frontier = t;
            return below.clone();
        }
        long[] spent = below.clone();
        for (Map.Entry<Long, long[]> c :
                charges.subMap(t, true, frontier, false).entrySet()) {
            for (int i = 0; i < 3; i++) {
                spent[i] -= c.getValue()[i];
            }
        }
        return spent;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * One agent group's charges: its model's price per million input and output tokens (null when
     * the price table does not list it: its calls then cost nothing here).
     */
    public Meter meter(Double inputPrice, Double outputPrice) {
        return new Meter(this, inputPrice, outputPrice);
    }

    public static final class Meter {
        private final RunBudget budget;
        private final Double inputPrice;
        private final Double outputPrice;

        private Meter(RunBudget budget, Double inputPrice, Double outputPrice) {
            this.budget = budget;
            this.inputPrice = inputPrice;
            this.outputPrice = outputPrice;
        }

        public RunBudget budget() {
            return budget;
        }

        /** A call with this answer (null: it failed), by a turn with key {@code key}. */
        void charge(long key, LlmResponse response) {
            charge(key, response, 0);
        }

        /**
         * A call with this answer (null: it failed) to a request whose images are estimated at {@code
         * imageTokens}, counted as its input when the server reports none ({@link LlmResponse#countedInput}).
         */
        void charge(long key, LlmResponse response, long imageTokens) {
            if (response == null) {
                budget.charge(key, 1, 0, 0);
                return;
            }
            long input = response.countedInput(imageTokens);
            long tokens = plus(input, Math.max(0, response.outputTokens()));
            budget.charge(key, 1, tokens, money(input, response));
        }

        String refusal(long now, long upcomingTokens) {
            return budget.refusal(now, upcomingTokens);
        }

        private long money(long input, LlmResponse response) {
            if (inputPrice == null || outputPrice == null) {
                return 0;
            }
            // per million tokens, in billionths: tokens x price x 1000, rounded once per call
            double nanos =
                    Math.max(0, input) * inputPrice * 1e3 + Math.max(0, response.outputTokens()) * outputPrice * 1e3;
            return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(nanos);
        }

        String refusal(long now) {
            return budget.refusal(now);
        }

        /**
         * One model call made outside the kernel, after the market, by a caller that makes its calls
         * one after another (pricing episodes with a model run on one thread): it is keyed after
         * every turn and every earlier such call, refused with an {@link LlmException} whose reason
         * is the bound's ({@link #CALLS}, {@link #TOKENS}, {@link #MONEY}) once a run bound is
         * reached, and charged like a turn's call; so where a run stops does not depend on timing.
         */
        public LlmResponse serialChat(LlmClient client, LlmRequest request) {
            return serialChat(client, request, null);
        }

        /** As {@link #serialChat(LlmClient, LlmRequest)}, reporting the call as a turn of {@code origin}. */
        public LlmResponse serialChat(LlmClient client, LlmRequest request, TurnOrigin origin) {
            long key = budget.serialKey();
            String refused = budget.refusal(key);
            if (refused != null) {
                throw new LlmException("the run reached its bound on model use (" + refused + ")", 0, refused);
            }
            LlmResponse response = null;
            try {
                response = client.chat(request, origin);
                return response;
            } finally {
                charge(key, response, request.imageTokens());
            }
        }

        boolean reached() {
            return budget.reached();
        }
    }
}
