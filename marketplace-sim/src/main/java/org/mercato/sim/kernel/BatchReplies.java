package org.mercato.sim.kernel;

import java.util.List;

/** Where an agent reports the actions of the batch in {@code slot} of a dispatch, or its failure. */
interface BatchReplies {
    void complete(int slot, List<Scheduled> actions);

    void fail(AgentFailedException failure);
}
