package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.Simulation;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.kernel.KernelListener;

/**
 * The events of real runs (generated restaurant markets, grid pages with impressions, a reveal
 * policy) read back from the log as the records the market recorded, and write back to the same
 * bytes. A generated customer's name, request and persona and a service's name, description and
 * response time are not in the log; those records are compared on the logged fields.
 */
class EventLogRoundTripTest {
    @Property(tries = 6)
    void realRunsReadBackExactly(@ForAll @IntRange(min = 1, max = 1000) int seed, @ForAll("reveal") String reveal)
            throws IOException {
        Path dir = Files.createTempDirectory("roundtrip");
        Path file = dir.resolve("generated.yaml");
        Files.writeString(file, ScenarioYaml.write(Scenarios.generated(60, 12)));
        List<String> sets = new ArrayList<>(List.of(
                "seed=" + seed,
                "market.search.pageSize=6",
                "market.presentation.layout=grid",
                "market.presentation.rows=2",
                "market.presentation.columns=3",
                "market.presentation.mode=full",
                "agents.services[1]={policy: posted-price, count: 3, params: {tactic: authority}}"));
        sets.addAll(List.of(reveal.split(" ")));
        Scenario scenario = ScenarioLoader.load(file, sets);

        List<LoggedEvent> recorded = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            Simulation.run(
                    WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn())),
                    List.of(recorded::add, writer),
                    KernelListener.NONE);
        }
        Path log = dir.resolve("events.jsonl");
        Files.write(log, bytes.toByteArray());

        List<LoggedEvent> read = EventReader.readAll(log);

        assertThat(read).hasSameSizeAs(recorded);
        for (int i = 0; i < read.size(); i++) {
            assertThat(logged(read.get(i))).isEqualTo(logged(recorded.get(i)));
        }
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(rewritten)) {
            read.forEach(writer::accept);
        }
        assertThat(rewritten.toByteArray()).isEqualTo(bytes.toByteArray());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\"tactic\":\"authority\"");
        for (String type : List.of("customer", "service", "search", "impression", "proposal", "payment")) {
            assertThat(text).contains("\"type\":\"" + type + "\"");
        }
        if (!reveal.contains("immediate")) {
            assertThat(text).contains("\"type\":\"reveal\"");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> reveal() {
        return net.jqwik.api.Arbitraries.of(
                "market.reveal.policy=immediate",
                "market.reveal.policy=batched market.reveal.window=1s",
                "market.reveal.policy=min-wait market.reveal.minWait=700ms");
    }

    /** The event as the log carries it: customers and services without their unlogged fields. */
    private static LoggedEvent logged(LoggedEvent event) {
        Event e = event.event();
        if (e instanceof CustomerEvent c) {
            Customer x = c.customer();
            e = new CustomerEvent(new Customer(
                    x.id(),
                    null,
                    null,
                    x.items(),
                    x.referencePrices(),
                    x.requiredAmenities(),
                    x.budget(),
                    x.timeCostPerHour(),
                    null));
        } else if (e instanceof ServiceEvent s) {
            Service x = s.service();
            e = new ServiceEvent(new Service(
                    x.id(),
                    null,
                    null,
                    x.menu(),
                    x.amenities(),
                    x.rating(),
                    x.reviewCount(),
                    x.unitCosts(),
                    x.capacity(),
                    null,
                    x.tactic()));
        }
        return new LoggedEvent(event.t(), event.seq(), e);
    }
}
