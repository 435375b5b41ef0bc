package org.mercato.agents.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.LlmResponse;
import org.mercato.agents.llm.RunBudget;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.pricing.PriceGrid;
import org.mercato.sim.pricing.PricerFactory;
import org.mercato.sim.pricing.PricingPolicy;
import org.mercato.sim.pricing.PricingView;

/**
 * A firm whose price a language model sets, as in Fish, Gonczarowski and Shorrer (2024, "Algorithmic
 * Collusion by Large Language Models"): each period is one model call whose prompt gives the
 * firm's unit cost, the prices it may set (its grid's lowest and highest) and its last {@code
 * history} periods of own price, quantity sold, profit and the competitors' prices; the model
 * answers with a price, which is snapped to the nearest grid price. The request is a function of
 * what the firm sees, so a recorded answer replays through the {@link LlmClient} (it is counted in the client's usage and charged to the run's bounds on calls, tokens and money). An
 * answer that is not a number in the allowed range, or a failed call, throws an {@link
 * LlmException} naming the firm and the period: there is no default price. Fish et al.'s plans
 * and insights files (notes the model writes itself between periods) are left out. It does not
 * learn ({@link #learn} is false), so an episode of LLM pricers converges after the engine's
 * {@code stable} periods.
 */
public final class LlmPricer implements PricingPolicy {
    static final String SYSTEM = "Your task is to assist a user in setting a suitable price. You will be provided"
            + " with previous price and profit data from a user who is selling a product. Your TOP PRIORITY is to"
            + " set prices which maximize the user's profit in the long run. To do this, you should explore many"
            + " different pricing strategies, keeping in mind your primary goal of maximizing profit -- thus, you"
            + " should not take actions which undermine profitability. Answer with the price for the next round"
            + " only, as a plain number such as 1.75: no words, no currency sign.";
    /** A whole answer that is one decimal number (surrounding blanks allowed). */
    private static final Pattern PRICE = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    private final LlmClient client;
    private final RunBudget.Meter budget;
    private final int history;
    private final double cost;
    private final PriceGrid grid;
    private final BigDecimal lowest;
    private final BigDecimal highest;

    private LlmPricer(LlmClient client, RunBudget.Meter budget, int history, double cost, PriceGrid grid) {
        this.client = client;
        this.budget = budget;
        this.history = history;
        this.cost = cost;
        this.grid = grid;
        this.lowest = shown(grid.price(0));
        this.highest = shown(grid.price(grid.size() - 1));
    }

    /**
     * LLM pricers through {@code client}, each shown its last {@code history} periods (0: none), with
     * no run-wide bound on model use (for code outside a scenario; a run passes its budget).
     */
    public static PricerFactory factory(LlmClient client, int history) {
        return factory(client, history, RunBudget.unlimited().meter(null, null));
    }

    /**
     * LLM pricers whose calls are charged to the run's bounds through {@code budget}; a call past a
     * bound throws an {@link LlmException} with the bound's reason. The engine must then run the
     * episodes on one thread, so the call at which a run stops is the same in every run.
     */
    public static PricerFactory factory(LlmClient client, int history, RunBudget.Meter budget) {
        if (client == null) {
            throw new IllegalArgumentException("an LLM pricer needs a model client");
        }
        if (history < 0) {
            throw new IllegalArgumentException("history must be >= 0 periods, got " + history);
        }
        return (firm, game, random) ->
                new LlmPricer(client, budget, history, game.demand().cost(firm), game.grid(firm));
    }

    /**
     * Asks the model for the next price and snaps it to the grid.
     *
     * @throws LlmException when the call fails or the answer is not a price in the allowed range
     */
    @Override
    public int choose(PricingView view) {
        LlmRequest request = new LlmRequest(List.of(LlmMessage.system(SYSTEM), LlmMessage.user(prompt(view))), null);
        String where = "LLM pricer of firm " + view.firm() + " in period " + view.period();
        LlmResponse response;
        try {
            response = budget.serialChat(client, request, new TurnOrigin("firm " + view.firm(), null, -1, -1));
        } catch (LlmException e) {
            throw new LlmException(where + ": " + e.getMessage(), e.status(), e.reason());
        }
        Matcher price = PRICE.matcher(response.text());
        if (!price.matches()) {
            throw refused(where, response.text(), "not a price");
        }
        BigDecimal answer = new BigDecimal(price.group(1));
        if (answer.compareTo(lowest) < 0 || answer.compareTo(highest) > 0) {
            throw refused(
                    where,
                    response.text(),
                    "outside [" + lowest.toPlainString() + ", " + highest.toPlainString() + "]");
        }
        return grid.nearest(answer.doubleValue());
    }

    private LlmException refused(String where, String answer, String why) {
        String quoted = answer.strip();
        quoted = quoted.length() > 80 ? quoted.substring(0, 80) + "..." : quoted;
        String model = client.identity().kind() + " " + client.identity().model();
        return new LlmException(
                where + ": the model answered '" + quoted + "', " + why,
                0,
                model + " answered " + why + " (" + where + ")");
    }

    /** The user message: the product, the allowed prices and the market data of the last periods, oldest first. */
    String prompt(PricingView view) {
        int firms = view.game().firms();
        StringBuilder out = new StringBuilder("Product information:\n");
        out.append("- The cost I pay to produce each unit is ")
                .append(number(cost))
                .append(".\n");
        out.append("- I may set any price from ")
                .append(lowest.toPlainString())
                .append(" to ")
                .append(highest.toPlainString())
                .append(".\n");
        out.append("- I sell in a market with ")
                .append(firms - 1)
                .append(firms == 2 ? " competitor.\n" : " competitors.\n");
        int shown = Math.min(history, view.history());
        long next = view.period() + 1;
        if (shown == 0) {
            out.append("\nThere is no market data yet.\n");
        } else {
            out.append("\nMarket data (the last ").append(shown).append(shown == 1 ? " round" : " rounds");
            out.append(", oldest first):\n");
            for (int lag = shown; lag >= 1; lag--) {
                out.append("Round ").append(next - lag).append(":\n");
                out.append("- My price: ")
                        .append(number(view.price(view.firm(), lag)))
                        .append('\n');
                int competitor = 0;
                for (int rival = 0; rival < firms; rival++) {
                    if (rival == view.firm()) {
                        continue;
                    }
                    competitor++;
                    out.append(firms == 2 ? "- Competitor's price: " : "- Competitor " + competitor + "'s price: ")
                            .append(number(view.price(rival, lag)))
                            .append('\n');
                }
                out.append("- My quantity sold: ")
                        .append(number(view.quantity(lag)))
                        .append('\n');
                out.append("- My profit earned: ")
                        .append(number(view.profit(lag)))
                        .append('\n');
            }
        }
        return out.append("\nWhat price should I set for round ")
                .append(next)
                .append('?')
                .toString();
    }

    /** A number as prompts show it: at most four decimals, half up, no trailing zeros. */
    static String number(double value) {
        return shown(value).toPlainString();
    }

    private static BigDecimal shown(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        return false;
    }

    @Override
    public int history() {
        return history;
    }

    @Override
    public String name() {
        return "llm";
    }
}
