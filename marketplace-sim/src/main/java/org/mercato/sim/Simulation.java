package org.mercato.sim;

import java.util.List;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.kernel.ActorDispatcher;
import org.mercato.sim.kernel.AgentDispatcher;
import org.mercato.sim.kernel.AgentRuntime;
import org.mercato.sim.kernel.InlineDispatcher;
import org.mercato.sim.kernel.Kernel;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.KernelStats;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.Market;

/**
 * Wires a market, its agents and the kernel for one run. The lookahead is the least reaction
 * delay any agent can have (network delay plus its minimum think time), the largest the model allows.
 */
public final class Simulation {
    private Simulation() {}

    public static KernelStats run(SimulationSetup setup, List<EventSink> sinks, KernelListener listener) {
        AgentDirectory directory = new AgentDirectory(setup.catalog());
        Market market = new Market(directory, setup.search(), setup.searchSettings());
        AgentRuntime[] agents = setup.runtimes(directory);
        long lookahead = lookahead(agents);
        KernelSettings kernel = setup.kernel();
        try (AgentDispatcher dispatcher = kernel.mode() == KernelSettings.Mode.ACTORS
                ? new ActorDispatcher(agents, kernel.parallelism())
                : new InlineDispatcher(agents)) {
            return new Kernel(market, dispatcher, lookahead, kernel.horizon(), sinks, listener).run();
        }
    }

    /** The lookahead this setup runs with: the least reaction delay of any agent. */
    public static long lookahead(SimulationSetup setup) {
        return lookahead(setup.runtimes(new AgentDirectory(setup.catalog())));
    }

    private static long lookahead(AgentRuntime[] agents) {
        long lookahead = Long.MAX_VALUE;
        for (AgentRuntime agent : agents) {
            lookahead = Math.min(lookahead, agent.minimumReaction());
        }
        return agents.length == 0 ? 1 : lookahead;
    }
}
