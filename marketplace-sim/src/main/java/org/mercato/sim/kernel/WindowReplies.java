package org.mercato.sim.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercato.sim.schedule.Scheduled;

/**
 * Collects one window's replies by slot. Each agent actor writes only its own slot and then counts
 * down; the last one releases the kernel. Slots keep the dispatch order, so the result does not
 * depend on which actor finished first.
 */
final class WindowReplies implements AgentDispatcher.Replies, BatchReplies {
    private final Object[] slots;
    private final AtomicInteger remaining;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    WindowReplies(int size) {
        this.slots = new Object[size];
        this.remaining = new AtomicInteger(size);
        if (size == 0) {
            done.complete(null);
        }
    }

    @Override
    public void complete(int slot, List<Scheduled> actions) {
        slots[slot] = actions;
        if (remaining.decrementAndGet() == 0) {
            done.complete(null);
        }
    }

    @Override
    public void fail(AgentFailedException failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<List<Scheduled>> join() {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AgentFailedException failure) {
                throw failure;
            }
            throw e;
        }
        return (List<List<Scheduled>>) (List<?>) Arrays.asList(slots);
    }
}
