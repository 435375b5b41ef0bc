package org.mercato.sim;

import java.util.List;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.kernel.AgentRuntime;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.ads.AdsSetup;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SearchMechanism;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Everything one run needs: the catalog, one assistant per customer and one seller per service
 * (same order as the catalog), the search mechanism, the kernel settings, how results pages are
 * presented ({@code presentation}, null for a ranked list with true values), when proposals are
 * revealed ({@code reveal}, null for as soon as made) and the sponsored slots ({@code ads}, null
 * for none) and how the market changes over time ({@code dynamics}, null for one shopping round
 * where nothing changes).
 */
public record SimulationSetup(
        Catalog catalog,
        List<Agent<AssistantPolicy>> assistants,
        List<Agent<ServicePolicy>> sellers,
        SearchMechanism search,
        SearchSettings searchSettings,
        KernelSettings kernel,
        PresentationSettings presentation,
        RevealSettings reveal,
        AdsSetup ads,
        MarketDynamics dynamics) {

    /** A policy instance with its think-time model. */
    public record Agent<P>(P policy, ThinkTime thinkTime) {}

    /** A market that does not change over time. */
    public SimulationSetup(
            Catalog catalog,
            List<Agent<AssistantPolicy>> assistants,
            List<Agent<ServicePolicy>> sellers,
            SearchMechanism search,
            SearchSettings searchSettings,
            KernelSettings kernel,
            PresentationSettings presentation,
            RevealSettings reveal,
            AdsSetup ads) {
        this(catalog, assistants, sellers, search, searchSettings, kernel, presentation, reveal, ads, null);
    }

    /** The same setup run by {@code kernel} (sponsored slots, dynamics and everything else kept). */
    public SimulationSetup withKernel(KernelSettings kernel) {
        return new SimulationSetup(
                catalog, assistants, sellers, search, searchSettings, kernel, presentation, reveal, ads, dynamics);
    }

    public SimulationSetup {
        assistants = List.copyOf(assistants);
        sellers = List.copyOf(sellers);
        presentation = presentation == null ? PresentationSettings.DEFAULT : presentation;
        reveal = reveal == null ? RevealSettings.IMMEDIATE : reveal;
        if (presentation.cells() > 0 && presentation.cells() != searchSettings.pageSize()) {
            throw new IllegalArgumentException("a " + presentation.rows() + " x " + presentation.columns()
                    + " grid shows " + presentation.cells() + " listings but the search page size is "
                    + searchSettings.pageSize());
        }
        if (ads != null && ads.settings().rules().slots() > searchSettings.pageSize()) {
            throw new IllegalArgumentException(ads.settings().rules().slots()
                    + " sponsored slots do not fit a results page of " + searchSettings.pageSize());
        }
        if (assistants.size() != catalog.customers().size()) {
            throw new IllegalArgumentException("need one assistant per customer");
        }
        if (sellers.size() != catalog.services().size()) {
            throw new IllegalArgumentException("need one seller per service");
        }
        if (dynamics != null) {
            checkDynamics(dynamics, catalog);
        }
    }

    private static void checkDynamics(MarketDynamics dynamics, Catalog catalog) {
        long[] arrivals = dynamics.arrivals();
        if (arrivals != null && arrivals.length != catalog.customers().size()) {
            throw new IllegalArgumentException("need one arrival time per customer: " + arrivals.length + " for "
                    + catalog.customers().size() + " customers");
        }
        int services = catalog.services().size();
        for (int service : dynamics.quality().schedules().keySet()) {
            if (service >= services) {
                throw new IllegalArgumentException("a quality schedule for service index " + service
                        + " but the catalog has " + services + " services");
            }
        }
        if (dynamics.reviews() != null) {
            java.util.Set<Integer> campaigns = new java.util.HashSet<>();
            for (var fake : dynamics.reviews().fakes()) {
                if (fake.service() >= services) {
                    throw new IllegalArgumentException("fake reviews for service index " + fake.service()
                            + " but the catalog has " + services + " services");
                }
                if (!campaigns.add(fake.service())) {
                    // one stream per service decides a campaign's times: two would post in lockstep
                    throw new IllegalArgumentException("two fake-review campaigns for service "
                            + catalog.services().get(fake.service()).id());
                }
            }
        }
    }

    AgentRuntime[] runtimes(AgentDirectory directory) {
        AgentRuntime[] runtimes = new AgentRuntime[directory.size()];
        long seed = kernel.seed();
        long delay = kernel.networkDelay();
        for (int i = 0; i < assistants.size(); i++) {
            Agent<AssistantPolicy> agent = assistants.get(i);
            runtimes[i] = AgentRuntime.assistant(i, directory.idOf(i), agent.policy(), agent.thinkTime(), delay, seed);
        }
        for (int i = 0; i < sellers.size(); i++) {
            int index = directory.customerCount() + i;
            Agent<ServicePolicy> agent = sellers.get(i);
            runtimes[index] =
                    AgentRuntime.service(index, directory.idOf(index), agent.policy(), agent.thinkTime(), delay, seed);
        }
        return runtimes;
    }
}
