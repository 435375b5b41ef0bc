package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.schedule.Scheduled;

/**
 * The bare loop: every agent runs on the calling thread, one after another. It follows the same
 * window and ordering rules as the actor kernel and so serves as its reference and its floor.
 */
public final class InlineDispatcher implements AgentDispatcher {
    private final AgentRuntime[] agents;

    public InlineDispatcher(AgentRuntime[] agents) {
        this.agents = agents.clone();
    }

    @Override
    public Replies dispatch(List<AgentBatch> batches) {
        List<List<Scheduled>> replies = new ArrayList<>(batches.size());
        for (AgentBatch batch : batches) {
            replies.add(agents[batch.agent()].process(batch.deliveries()));
        }
        return () -> replies;
    }

    @Override
    public void start(List<AgentBatch> batches, BatchReplies replies) {
        for (int slot = 0; slot < batches.size(); slot++) {
            AgentBatch batch = batches.get(slot);
            try {
                replies.complete(slot, agents[batch.agent()].process(batch.deliveries()));
            } catch (AgentFailedException failure) {
                replies.fail(failure);
                return;
            }
        }
    }
}
