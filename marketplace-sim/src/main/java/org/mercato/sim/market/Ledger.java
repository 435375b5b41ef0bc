package org.mercato.sim.market;

import org.mercato.sim.domain.Money;

/**
 * Balances in cents by agent number. Transfers move money between agents; the only other change is
 * a {@link #reset} (a returning customer's budget for a new visit), which counts what it adds or
 * takes in {@link #issued()}. So the total always equals the opening total plus what was issued.
 */
public final class Ledger {
    private final long[] balances;
    private long issued;

    public Ledger(long[] openingBalances) {
        this.balances = openingBalances.clone();
    }

    /** An independent copy. */
    Ledger copy() {
        Ledger copy = new Ledger(balances);
        copy.issued = issued;
        return copy;
    }

    /**
     * Sets an agent's balance (not negative), as at a returning customer's new visit; the difference
     * is added to {@link #issued()}.
     */
    public void reset(int agent, long balance) {
        if (balance < 0) {
            throw new IllegalArgumentException("a balance cannot be negative: " + balance);
        }
        issued = Money.add(issued, balance - balances[agent], "the money issued");
        balances[agent] = balance;
    }

    /** The net money resets added (negative when they took more than they added). */
    public long issued() {
        return issued;
    }

    public long balance(int agent) {
        return balances[agent];
    }

    public boolean canPay(int agent, long amount) {
        return amount >= 0 && balances[agent] >= amount;
    }

    public void transfer(int from, int to, long amount) {
        if (!canPay(from, amount)) {
            throw new IllegalStateException("agent " + from + " cannot pay " + amount);
        }
        Money.add(balances[to], amount, "an agent's balance"); // throws before anything changes
        // in this order a transfer to oneself changes nothing (it used to add the amount)
        balances[from] -= amount;
        balances[to] += amount;
    }

    public long total() {
        long total = 0;
        for (long balance : balances) {
            total = Money.add(total, balance, "the ledger's total");
        }
        return total;
    }
}
