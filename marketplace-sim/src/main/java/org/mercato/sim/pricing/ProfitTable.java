package org.mercato.sim.pricing;

/**
 * A game's stage payoffs for every price profile, computed once so a period costs table look-ups
 * only. A profile is the firms' grid indices as one mixed-radix number, firm 0 the lowest digit;
 * a state is the last {@code memory} profiles as digits base {@link #profiles()}, the most recent
 * the lowest.
 */
public final class ProfitTable {
    private final int firms;
    private final int[] radix;
    private final int[] sizes;
    private final int profiles;
    private final int states;
    private final int olderStates;
    private final double[] prices;
    private final double[] shares;
    private final double[] profits;

    private ProfitTable(PricingGame game) {
        firms = game.firms();
        radix = new int[firms];
        sizes = new int[firms];
        int r = 1;
        for (int i = 0; i < firms; i++) {
            radix[i] = r;
            sizes[i] = game.grid(i).size();
            r *= sizes[i];
        }
        profiles = game.profiles();
        states = game.states();
        olderStates = states / profiles;
        prices = new double[profiles * firms];
        shares = new double[profiles * firms];
        profits = new double[profiles * firms];
        double[] p = new double[firms];
        for (int profile = 0; profile < profiles; profile++) {
            for (int i = 0; i < firms; i++) {
                p[i] = game.grid(i).price(action(profile, i));
            }
            double[] q = game.demand().shares(p);
            for (int i = 0; i < firms; i++) {
                prices[profile * firms + i] = p[i];
                shares[profile * firms + i] = q[i];
                profits[profile * firms + i] = (p[i] - game.demand().cost(i)) * q[i];
            }
        }
    }

    public static ProfitTable of(PricingGame game) {
        return new ProfitTable(game);
    }

    public int firms() {
        return firms;
    }

    public int profiles() {
        return profiles;
    }

    public int states() {
        return states;
    }

    public int size(int firm) {
        return sizes[firm];
    }

    /** The profile of the firms' grid indices. */
    public int profile(int[] actions) {
        int profile = 0;
        for (int i = 0; i < firms; i++) {
            profile += actions[i] * radix[i];
        }
        return profile;
    }

    /** The profile with firm {@code firm}'s index replaced by {@code action}. */
    public int withAction(int profile, int firm, int action) {
        return profile + (action - action(profile, firm)) * radix[firm];
    }

    /** Firm {@code firm}'s grid index in a profile. */
    public int action(int profile, int firm) {
        return (profile / radix[firm]) % sizes[firm];
    }

    /** The state after a period priced at {@code profile}: that profile shifted in, the oldest out. */
    public int next(int state, int profile) {
        return (state % olderStates) * profiles + profile;
    }

    /** The most recent profile of a state. */
    public int lastProfile(int state) {
        return state % profiles;
    }

    public double price(int profile, int firm) {
        return prices[profile * firms + firm];
    }

    public double share(int profile, int firm) {
        return shares[profile * firms + firm];
    }

    public double profit(int profile, int firm) {
        return profits[profile * firms + firm];
    }

    /** Firm {@code firm}'s grid index of highest profit against the rivals' indices in {@code profile}; ties to the lowest. */
    public int bestResponse(int profile, int firm) {
        int base = withAction(profile, firm, 0);
        int best = 0;
        double bestProfit = profit(base, firm);
        for (int a = 1; a < sizes[firm]; a++) {
            double value = profit(base + a * radix[firm], firm);
            if (value > bestProfit) {
                best = a;
                bestProfit = value;
            }
        }
        return best;
    }
}
