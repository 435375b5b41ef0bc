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
import org.mercato.sim.kernel.RollingKernel;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.ProposalReveal;
import org.mercato.sim.market.ads.SponsoredSlots;
import org.mercato.sim.market.presentation.PagePresenter;

/**
 * Wires a market, its agents and the kernel for one run. The lookahead is the least reaction
 * delay any agent can have (network delay plus its minimum think time), the largest the model allows.
 */
public final class Simulation {
    private Simulation() {}

    public static KernelStats run(SimulationSetup setup, List<EventSink> sinks, KernelListener listener) {
        try (Prepared prepared = prepare(setup, sinks, listener)) {
            return prepared.run();
        }
    }

    /** Builds the market and starts the agents (the actor system, in actor mode) without running. */
    public static Prepared prepare(SimulationSetup setup, List<EventSink> sinks, KernelListener listener) {
        AgentDirectory directory = new AgentDirectory(setup.catalog());
        KernelSettings kernel = setup.kernel();
        Market market = new Market(
                directory,
                setup.search(),
                setup.searchSettings(),
                PagePresenter.of(setup.presentation(), kernel.seed()),
                new ProposalReveal(setup.reveal(), kernel.seed()),
                setup.ads() == null ? null : new SponsoredSlots(setup.ads()),
                setup.dynamics(),
                kernel.seed());
        AgentRuntime[] agents = setup.runtimes(directory);
        AgentDispatcher dispatcher = kernel.mode() == KernelSettings.Mode.ACTORS
                ? new ActorDispatcher(agents, kernel.parallelism(), agentsPerActor(kernel, agents.length))
                : new InlineDispatcher(agents);
        long lookahead = lookahead(agents);
        if (kernel.rolling()) {
            RollingKernel rolling =
                    new RollingKernel(market, dispatcher, agents, lookahead, kernel.horizon(), sinks, listener);
            return new Prepared(rolling::run, dispatcher);
        }
        Kernel windowed = new Kernel(market, dispatcher, lookahead, kernel.horizon(), sinks, listener);
        return new Prepared(windowed::run, dispatcher);
    }

    /** A run ready to go; closing it stops its agents. */
    public static final class Prepared implements AutoCloseable {
        private final java.util.function.Supplier<KernelStats> kernel;
        private final AgentDispatcher dispatcher;

        private Prepared(java.util.function.Supplier<KernelStats> kernel, AgentDispatcher dispatcher) {
            this.kernel = kernel;
            this.dispatcher = dispatcher;
        }

        public KernelStats run() {
            return kernel.get();
        }

        @Override
        public void close() {
            dispatcher.close();
        }
    }

    private static int agentsPerActor(KernelSettings kernel, int agents) {
        return kernel.agentsPerActor() > 0
                ? kernel.agentsPerActor()
                : ActorDispatcher.agentsPerActor(agents, kernel.parallelism());
    }

    private static long lookahead(AgentRuntime[] agents) {
        long lookahead = Long.MAX_VALUE;
        for (AgentRuntime agent : agents) {
            lookahead = Math.min(lookahead, agent.minimumReaction());
        }
        return agents.length == 0 ? 1 : lookahead;
    }
}
