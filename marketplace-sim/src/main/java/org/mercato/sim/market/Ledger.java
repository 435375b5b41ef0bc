package org.mercato.sim.market;

import org.mercato.sim.domain.Money;

/** Balances in cents by agent number. Transfers are the only way money moves, so the sum is constant. */
public final class Ledger {
    private final long[] balances;

    public Ledger(long[] openingBalances) {
        this.balances = openingBalances.clone();
    }

    /** An independent copy. */
    Ledger copy() {
        return new Ledger(balances);
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
        long received = Money.add(balances[to], amount, "an agent's balance");
        balances[from] -= amount;
        balances[to] = received;
    }

    public long total() {
        long total = 0;
        for (long balance : balances) {
            total = Money.add(total, balance, "the ledger's total");
        }
        return total;
    }
}
