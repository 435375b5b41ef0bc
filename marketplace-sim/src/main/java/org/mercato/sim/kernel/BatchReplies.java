package org.mercato.sim.kernel;

import java.util.List;
import org.mercato.sim.schedule.Scheduled;

/** Where an agent reports the actions of the batch in {@code slot} of a dispatch, or its failure. */
interface BatchReplies {
    void complete(int slot, List<Scheduled> actions);

    void fail(AgentFailedException failure);
}
