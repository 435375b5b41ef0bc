package org.mercato.sim.market.ads;

/** A won slot (from 1, top first): who, what it bid and the price it pays per billing unit (cents). */
public record SlotAward(int slot, String service, long bid, long price) {
    public SlotAward {
        if (price > bid) {
            throw new IllegalStateException("price " + price + " above bid " + bid + " for " + service);
        }
    }
}
