package org.mercato.sim.pricing;

/**
 * The history an episode keeps: the last {@code capacity} periods' price profiles in a ring, the
 * number of periods played and the current state. Everything a {@link PricingView} shows is read
 * from here through the {@link ProfitTable}.
 */
final class Tape {
    private final ProfitTable table;
    private final int[] profiles;
    private long periods;
    private int state;

    Tape(ProfitTable table, int capacity) {
        this.table = table;
        this.profiles = new int[Math.max(1, capacity)];
    }

    private Tape(Tape other) {
        this.table = other.table;
        this.profiles = other.profiles.clone();
        this.periods = other.periods;
        this.state = other.state;
    }

    Tape copy() {
        return new Tape(this);
    }

    void record(int profile) {
        profiles[(int) (periods % profiles.length)] = profile;
        periods++;
        state = table.next(state, profile);
    }

    long periods() {
        return periods;
    }

    int state() {
        return state;
    }

    int history() {
        return (int) Math.min(periods, profiles.length);
    }

    /** The profile played {@code lag} periods ago, 1 <= lag <= history(). */
    int profile(int lag) {
        if (lag < 1 || lag > history()) {
            throw new IndexOutOfBoundsException("lag " + lag + " outside the " + history() + " periods retained");
        }
        return profiles[(int) ((periods - lag) % profiles.length)];
    }
}
