package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The min-cost-flow assignment equals the best of all assignments, found by brute force. */
class CapacitatedAssignmentProperties {
    record Instance(long[][] utility, int[] capacity) {}

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<Integer> customers = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> services = Arbitraries.integers().between(1, 3);
        return Combinators.combine(customers, services).flatAs((c, s) -> {
            Arbitrary<long[][]> utilities = Arbitraries.longs()
                    .between(-500, 2_000)
                    .array(long[].class)
                    .ofSize(s)
                    .array(long[][].class)
                    .ofSize(c);
            Arbitrary<int[]> capacities =
                    Arbitraries.integers().between(0, 2).array(int[].class).ofSize(s);
            return Combinators.combine(utilities, capacities).as(Instance::new);
        });
    }

    @Property(tries = 300)
    void matchesBruteForce(@ForAll("instances") Instance instance) {
        List<List<CapacitatedAssignment.Option>> options = new ArrayList<>();
        for (long[] row : instance.utility()) {
            List<CapacitatedAssignment.Option> mine = new ArrayList<>();
            for (int s = 0; s < row.length; s++) {
                if (row[s] > 0) {
                    mine.add(new CapacitatedAssignment.Option(s, row[s]));
                }
            }
            options.add(mine);
        }
        assertThat(CapacitatedAssignment.solve(options, instance.capacity()))
                .isEqualTo(best(instance, 0, new int[instance.capacity().length]));
    }

    /** Customer c onwards: buy nowhere, or at any service with room left and positive utility. */
    private static long best(Instance instance, int c, int[] used) {
        if (c == instance.utility().length) {
            return 0;
        }
        long best = best(instance, c + 1, used);
        for (int s = 0; s < used.length; s++) {
            int capacity = instance.capacity()[s] == 0 ? Integer.MAX_VALUE : instance.capacity()[s];
            long u = instance.utility()[c][s];
            if (u > 0 && used[s] < capacity) {
                used[s]++;
                best = Math.max(best, u + best(instance, c + 1, used));
                used[s]--;
            }
        }
        return best;
    }
}
