package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the winners go on the first results page: {@code positions} are places on the page (from
 * 1), one per slot, top slot first. {@link #top} puts them at 1..K above the organic results;
 * {@link #interleaved} spreads them among the organic results. Organic results fill the other
 * places in rank order (a winner is not repeated as an organic result), so the page keeps its size
 * and ads displace the lowest organic results of the first page.
 */
public record AdPlacement(List<Integer> positions) {
    public AdPlacement {
        positions = List.copyOf(positions);
        int previous = 0;
        for (int position : positions) {
            if (position <= previous) {
                throw new IllegalArgumentException("ad positions must be >= 1 and increasing, got " + positions);
            }
            previous = position;
        }
    }

    public static AdPlacement top(int slots) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 1; k <= slots; k++) {
            positions.add(k);
        }
        return new AdPlacement(positions);
    }

    public static AdPlacement interleaved(List<Integer> positions) {
        return new AdPlacement(positions);
    }
}
