package org.mercato.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.mercato.sim.domain.Money;

/**
 * The best assignment of customers to services when services have capacities: each customer buys
 * at most once, from a service it values positively, and a service serves at most its capacity.
 * Solved exactly as a min-cost flow (source → customer → service → sink, cost = −utility) by
 * successive shortest paths with Dijkstra on reduced costs, stopping when no path improves welfare.
 */
final class CapacitatedAssignment {
    private static final String WHAT = "the optimal welfare respecting capacities";

    /** A customer's option: a service and the utility (cents) of buying there. */
    record Option(int service, long utility) {}

    private final int nodes;
    private final int source;
    private final int sink;
    private final List<int[]> edgesFrom[];
    private final List<long[]> edgeData = new ArrayList<>(); // to, capacity, cost, reverse index

    @SuppressWarnings("unchecked")
    private CapacitatedAssignment(int customers, int services) {
        nodes = customers + services + 2;
        source = 0;
        sink = nodes - 1;
        edgesFrom = new List[nodes];
        for (int i = 0; i < nodes; i++) {
            edgesFrom[i] = new ArrayList<>();
        }
    }

    /**
     * @param options each customer's options with positive utility
     * @param capacities each service's capacity, 0 for no limit
     * @return the maximal total utility in cents
     */
    static long solve(List<List<Option>> options, int[] capacities) {
        int customers = options.size();
        CapacitatedAssignment graph = new CapacitatedAssignment(customers, capacities.length);
        for (int c = 0; c < customers; c++) {
            graph.addEdge(graph.source, 1 + c, 1, 0);
            for (Option option : options.get(c)) {
                graph.addEdge(1 + c, 1 + customers + option.service(), 1, -option.utility());
            }
        }
        for (int s = 0; s < capacities.length; s++) {
            int capacity = capacities[s] == 0 ? customers : capacities[s];
            graph.addEdge(1 + customers + s, graph.sink, capacity, 0);
        }
        return Money.subtract(0, graph.minCostFlow(customers), WHAT);
    }

    private void addEdge(int from, int to, long capacity, long cost) {
        int forward = edgeData.size();
        edgeData.add(new long[] {to, capacity, cost, forward + 1});
        edgeData.add(new long[] {from, 0, -cost, forward});
        edgesFrom[from].add(new int[] {forward});
        edgesFrom[to].add(new int[] {forward + 1});
    }

    /** Augments while the cheapest path has negative cost; returns the total cost. */
    private long minCostFlow(int customers) {
        long[] potential = initialPotentials(customers);
        long total = 0;
        long[] distance = new long[nodes];
        int[] via = new int[nodes];
        while (true) {
            Arrays.fill(distance, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            distance[source] = 0;
            PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
            queue.add(new long[] {0, source});
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int node = (int) top[1];
                if (top[0] > distance[node]) {
                    continue;
                }
                for (int[] ref : edgesFrom[node]) {
                    long[] edge = edgeData.get(ref[0]);
                    if (edge[1] <= 0) {
                        continue;
                    }
                    int to = (int) edge[0];
                    long reduced = Money.subtract(Money.add(edge[2], potential[node], WHAT), potential[to], WHAT);
                    long through = Money.add(distance[node], reduced, WHAT);
                    if (through < distance[to]) {
                        distance[to] = through;
                        via[to] = ref[0];
                        queue.add(new long[] {distance[to], to});
                    }
                }
            }
            if (distance[sink] == Long.MAX_VALUE) {
                return total;
            }
            long pathCost = Money.add(Money.subtract(distance[sink], potential[source], WHAT), potential[sink], WHAT);
            if (pathCost >= 0) {
                return total;
            }
            for (int node = 0; node < nodes; node++) {
                if (distance[node] != Long.MAX_VALUE) {
                    potential[node] = Money.add(potential[node], distance[node], WHAT);
                }
            }
            for (int node = sink; node != source; ) {
                long[] edge = edgeData.get(via[node]);
                edge[1] -= 1;
                long[] reverse = edgeData.get((int) edge[3]);
                reverse[1] += 1;
                node = (int) reverse[0];
            }
            total = Money.add(total, pathCost, WHAT);
        }
    }

    /** Shortest distances from the source in the initial graph, which is layered and acyclic. */
    private long[] initialPotentials(int customers) {
        long[] potential = new long[nodes];
        Arrays.fill(potential, 0);
        for (int s = 1 + customers; s < sink; s++) {
            potential[s] = 0;
        }
        for (int c = 1; c <= customers; c++) {
            for (int[] ref : edgesFrom[c]) {
                long[] edge = edgeData.get(ref[0]);
                if (edge[1] > 0) {
                    int to = (int) edge[0];
                    potential[to] = Math.min(potential[to], edge[2]);
                }
            }
        }
        long sinkPotential = 0;
        for (int s = 1 + customers; s < sink; s++) {
            sinkPotential = Math.min(sinkPotential, potential[s]);
        }
        potential[sink] = sinkPotential;
        return potential;
    }
}
