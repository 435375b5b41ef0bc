package org.mercato.agents;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Proposal;

/** Fixtures shared by the policy tests: Ana, contexts, listings and proposals. */
final class Shopping {
    private Shopping() {}

    /** Wants one taco (worth 10.00) and one horchata (3.00), needs outdoor seating, budget 50.00. */
    static final Customer ANA = new Customer(
            "ana",
            "Ana",
            "tacos and horchata",
            new TreeMap<>(Map.of("Tacos", 1, "Horchata", 1)),
            new TreeMap<>(Map.of("Tacos", 1000L, "Horchata", 300L)),
            new TreeSet<>(Set.of("Outdoor Seating")),
            5_000);

    static AgentContext at(long now) {
        return at(now, new SplittableRandom(1));
    }

    static AgentContext at(long now, SplittableRandom random) {
        return AgentContext.of("ana", now, random);
    }

    static ListingView listing(int rank, String id) {
        return new ListingView(
                rank, id, id, "", 4.0, 10, new TreeSet<>(Set.of("Outdoor Seating")), new TreeMap<>(), rank, 1, null);
    }

    /** A priced listing for tacos and horchata in a grid cell, with description and tags. */
    static ListingView priced(
            int rank,
            String id,
            long tacos,
            long horchata,
            double rating,
            int reviews,
            int row,
            int column,
            String description,
            String... tags) {
        SortedSet<String> tagSet = new TreeSet<>(List.of(tags));
        return new ListingView(
                rank,
                id,
                id,
                description,
                rating,
                reviews,
                new TreeSet<>(Set.of("Outdoor Seating")),
                new TreeMap<>(Map.of("Tacos", tacos, "Horchata", horchata)),
                row,
                column,
                tagSet);
    }

    static Proposal proposal(String id, String service, long tacos, long horchata) {
        List<OrderLine> lines = List.of(new OrderLine("Horchata", 1, horchata), new OrderLine("Tacos", 1, tacos));
        return new Proposal(id, service, "ana", lines, OrderLine.total(lines), 0, 1_000_000_000);
    }
}
