package org.mercato.sim.kernel;

import java.util.List;

/** All deliveries for one agent in one window, in time order. */
public record AgentBatch(int agent, List<Delivery> deliveries) {}
