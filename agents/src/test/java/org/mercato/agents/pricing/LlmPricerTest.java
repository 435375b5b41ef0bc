package org.mercato.agents.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.sim.pricing.LogitDemand;
import org.mercato.sim.pricing.PriceGrid;
import org.mercato.sim.pricing.PricingGame;
import org.mercato.sim.pricing.PricingPolicy;
import org.mercato.sim.pricing.PricingView;

/** The LLM pricer against a model on loopback: its prompt, the snapping, loud failures and replay. */
class LlmPricerTest {
    /** Calvano's baseline: two firms, a = 2, c = 1, a0 = 0, mu = 0.25, 15 prices, xi = 0.1, k = 1. */
    static final PricingGame GAME = PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 15, 0.1, 1);

    @TempDir
    Path folder;

    /**
     * What firm {@code firm} sees before period {@code period}: {@code prices[p][i]} is firm i's grid
     * index in period p (oldest first), the quantities and profits those of the logit demand.
     */
    record History(int firm, int[][] prices) implements PricingView {
        @Override
        public long period() {
            return prices.length;
        }

        @Override
        public PricingGame game() {
            return GAME;
        }

        @Override
        public int state() {
            return 0;
        }

        @Override
        public int history() {
            return prices.length;
        }

        @Override
        public int action(int firm, int lag) {
            return prices[prices.length - lag][firm];
        }

        @Override
        public double price(int firm, int lag) {
            return GAME.grid(firm).price(action(firm, lag));
        }

        private double[] profile(int lag) {
            double[] p = new double[GAME.firms()];
            for (int i = 0; i < p.length; i++) {
                p[i] = price(i, lag);
            }
            return p;
        }

        @Override
        public double quantity(int lag) {
            return GAME.demand().shares(profile(lag))[firm];
        }

        @Override
        public double profit(int lag) {
            return GAME.demand().profits(profile(lag))[firm];
        }
    }

    private static PricingPolicy pricer(LlmClient client, int firm, int history) {
        return LlmPricer.factory(client, history).create(firm, GAME, new SplittableRandom(1));
    }

    @Test
    void thePromptCarriesTheCostTheRangeAndTheLastPeriodsOfHistory() throws IOException {
        try (ScriptedPriceModel model = new ScriptedPriceModel(prompt -> "1.7")) {
            PricingPolicy pricer = pricer(model.client(null, CacheMode.OFF), 1, 2);
            assertThat(pricer.history()).isEqualTo(2);
            History view = new History(1, new int[][] {{0, 14}, {3, 5}, {7, 9}});
            pricer.choose(view);

            PriceGrid grid = GAME.grid(1);
            String prompt = model.prompt(0);
            String expected = "Product information:\n"
                    + "- The cost I pay to produce each unit is 1.\n"
                    + "- I may set any price from " + LlmPricer.number(grid.price(0)) + " to "
                    + LlmPricer.number(grid.price(14)) + ".\n"
                    + "- I sell in a market with 1 competitor.\n"
                    + "\nMarket data (the last 2 rounds, oldest first):\n"
                    + round(2, view, 2) + round(3, view, 1)
                    + "\nWhat price should I set for round 4?";
            assertThat(prompt).isEqualTo(expected);
            assertThat(prompt)
                    .as("own price is firm 1's, the competitor's firm 0's, in round 3")
                    .contains("- My price: " + LlmPricer.number(grid.price(9)) + "\n- Competitor's price: "
                            + LlmPricer.number(GAME.grid(0).price(7)));
            assertThat(model.bodies.get(0)).contains(LlmPricer.SYSTEM.substring(0, 40));
        }
    }

    private static String round(int round, History view, int lag) {
        return "Round " + round + ":\n"
                + "- My price: " + LlmPricer.number(view.price(1, lag)) + "\n"
                + "- Competitor's price: " + LlmPricer.number(view.price(0, lag)) + "\n"
                + "- My quantity sold: " + LlmPricer.number(view.quantity(lag)) + "\n"
                + "- My profit earned: " + LlmPricer.number(view.profit(lag)) + "\n";
    }

    @Test
    void theFirstPeriodSaysThereIsNoDataAndThreeFirmsNameTheirCompetitors() throws IOException {
        try (ScriptedPriceModel model = new ScriptedPriceModel(prompt -> "1.7")) {
            LlmClient client = model.client(null, CacheMode.OFF);
            pricer(client, 0, 5).choose(new History(0, new int[0][]));
            assertThat(model.prompt(0))
                    .contains("There is no market data yet.")
                    .endsWith("What price should I set for round 1?");

            PricingGame three = PricingGame.of(LogitDemand.symmetric(3, 2, 1, 0, 0.25), 15, 0.1, 1);
            PricingPolicy middle = LlmPricer.factory(client, 1).create(1, three, new SplittableRandom(1));
            PricingView view = new PricingView() {
                public long period() {
                    return 1;
                }

                public int firm() {
                    return 1;
                }

                public PricingGame game() {
                    return three;
                }

                public int state() {
                    return 0;
                }

                public int history() {
                    return 1;
                }

                public int action(int firm, int lag) {
                    return firm;
                }

                public double price(int firm, int lag) {
                    return 1.5 + firm / 10.0;
                }

                public double quantity(int lag) {
                    return 0.25;
                }

                public double profit(int lag) {
                    return 0.15;
                }
            };
            middle.choose(view);
            assertThat(model.prompt(1))
                    .contains("with 2 competitors.\n")
                    .contains("- My price: 1.6\n- Competitor 1's price: 1.5\n- Competitor 2's price: 1.7\n");
        }
    }

    @Test
    void aPriceAnswerIsSnappedToTheNearestGridPrice() throws IOException {
        PriceGrid grid = GAME.grid(0);
        double between = (grid.price(6) * 0.7 + grid.price(7) * 0.3); // nearer index 6
        try (ScriptedPriceModel model = new ScriptedPriceModel(prompt -> " " + between + "\n")) {
            int chosen = pricer(model.client(null, CacheMode.OFF), 0, 1).choose(new History(0, new int[][] {{2, 3}}));
            assertThat(chosen).isEqualTo(6);
            assertThat(grid.price(chosen)).isNotEqualTo(between);
        }
    }

    @Test
    void anAnswerThatIsNotAPriceInRangeFailsLoudlyNamingTheFirmAndPeriod() throws IOException {
        List<String> answers = new ArrayList<>(List.of("I would keep my price at 1.8.", "7.5", ""));
        try (ScriptedPriceModel model = new ScriptedPriceModel(prompt -> answers.remove(0))) {
            PricingPolicy pricer = pricer(model.client(null, CacheMode.OFF), 1, 1);
            History view = new History(1, new int[][] {{2, 3}, {4, 4}});
            assertThatThrownBy(() -> pricer.choose(view))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("LLM pricer of firm 1 in period 2")
                    .hasMessageContaining("'I would keep my price at 1.8.', not a price");
            assertThatThrownBy(() -> pricer.choose(view))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("firm 1 in period 2")
                    .hasMessageContaining("'7.5', outside [");
            assertThatThrownBy(() -> pricer.choose(view))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("not a price");
            assertThat(model.bodies).hasSize(3);
        }
    }

    @Test
    void aRecordedRunReplaysTheSameChoicesWithoutCallingTheModel() throws IOException {
        // the model moves halfway from its own last price toward the highest allowed price
        try (ScriptedPriceModel model = new ScriptedPriceModel(LlmPricerTest::towardTheTop)) {
            List<History> views = List.of(
                    new History(0, new int[0][]),
                    new History(0, new int[][] {{1, 2}}),
                    new History(0, new int[][] {{1, 2}, {9, 4}}),
                    new History(1, new int[][] {{1, 2}, {9, 4}}));
            List<Integer> recorded = choices(model.client(new ResponseCache(folder, 100), CacheMode.RECORD), views);
            assertThat(model.bodies).hasSize(views.size());

            List<Integer> replayed =
                    choices(model.client(new ResponseCache(folder, 100), CacheMode.REPLAY_STRICT), views);
            assertThat(replayed).isEqualTo(recorded);
            assertThat(model.bodies).as("no call on replay").hasSize(views.size());
            assertThat(recorded).doesNotHaveDuplicates();
        }
    }

    private static List<Integer> choices(LlmClient client, List<History> views) {
        List<Integer> out = new ArrayList<>();
        for (History view : views) {
            out.add(pricer(client, view.firm(), 3).choose(view));
        }
        return out;
    }

    /** Halfway from the last own price shown (the lowest allowed price at first) to the highest allowed one. */
    static String towardTheTop(String prompt) {
        String range = prompt.substring(prompt.indexOf("any price from ") + "any price from ".length());
        double low = Double.parseDouble(range.substring(0, range.indexOf(' ')));
        String rest = range.substring(range.indexOf(" to ") + 4);
        double high = Double.parseDouble(rest.substring(0, rest.indexOf(".\n")));
        int last = prompt.lastIndexOf("- My price: ");
        double own = last < 0 ? low : Double.parseDouble(prompt.substring(last + 12, prompt.indexOf('\n', last)));
        return LlmPricer.number((own + high) / 2);
    }
}
