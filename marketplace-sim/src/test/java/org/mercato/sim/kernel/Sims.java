package org.mercato.sim.kernel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.schedule.Scheduled;

/** Small builders for whole-simulation tests. */
final class Sims {
    private Sims() {}

    static Customer customer(String id, long budget) {
        return new Customer(
                id,
                id,
                "",
                new TreeMap<>(Map.of("pizza", 1)),
                new TreeMap<>(Map.of("pizza", 1500L)),
                new TreeSet<>(),
                budget);
    }

    static Service service(String id) {
        return Service.of(id, Map.of("pizza", 1200L, "soda", 300L), Set.of(), 4.0, 10);
    }

    /** Customers c0.., services s0.. */
    static Catalog catalog(int customers, int services) {
        List<Customer> cs = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            cs.add(customer("c" + i, 10_000));
        }
        List<Service> ss = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            ss.add(service("s" + i));
        }
        return new Catalog(ss, cs);
    }

    static KernelSettings settings(KernelSettings.Mode mode, long networkDelay, long horizon) {
        return new KernelSettings(42, networkDelay, horizon, 4, mode);
    }

    static SimulationSetup setup(
            Catalog catalog,
            List<SimulationSetup.Agent<AssistantPolicy>> assistants,
            List<SimulationSetup.Agent<ServicePolicy>> sellers,
            KernelSettings kernel) {
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                new SimpleSearch(catalog.services()),
                SearchSettings.DEFAULT,
                kernel,
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null);
    }

    static <P> List<SimulationSetup.Agent<P>> all(int count, P policy, ThinkTime thinkTime) {
        return new ArrayList<>(Collections.nCopies(count, new SimulationSetup.Agent<>(policy, thinkTime)));
    }

    /** Collects every logged event in order. */
    static final class ListSink implements EventSink {
        final List<LoggedEvent> events = new ArrayList<>();

        @Override
        public void accept(LoggedEvent event) {
            events.add(event);
        }
    }

    /** A reaction that takes 500 ms of wall time, counted in {@code slow} while it runs; {@code most} keeps the most at once. */
    static void slowly(AtomicInteger slow, AtomicInteger most) {
        most.accumulateAndGet(slow.incrementAndGet(), Math::max);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slow.decrementAndGet();
    }

    record Outcome(KernelStats stats, List<LoggedEvent> events) {}

    static Outcome run(SimulationSetup setup) {
        ListSink sink = new ListSink();
        KernelStats stats = Simulation.run(setup, List.of(sink), KernelListener.NONE);
        return new Outcome(stats, sink.events);
    }

    /** The bytes {@link JsonlEventWriter} writes for a run. */
    static byte[] jsonl(SimulationSetup setup) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            Simulation.run(setup, List.of(writer), KernelListener.NONE);
        }
        return bytes.toByteArray();
    }

    /** Waits for a window's replies without ever blocking the test thread forever. */
    static List<List<Scheduled>> await(WindowReplies replies) throws Exception {
        try {
            return CompletableFuture.supplyAsync(replies::join).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
