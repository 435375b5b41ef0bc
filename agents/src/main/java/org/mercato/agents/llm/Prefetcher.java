package org.mercato.agents.llm;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speculative model calls of one provider: requests a policy expects to send soon, sent ahead so
 * the real call finds the answer ready. Real calls come first: offers wait in a FIFO queue served
 * by one scheduler thread, which takes a permit from the provider's fair semaphore like a real
 * caller, so at most one speculative request ever waits ahead of real callers; the call then runs
 * on a worker thread holding that permit. {@link #claim} hands a finished answer to the real call
 * (or waits for a running one); a queued one is cancelled. At most {@code keep} offers wait (beyond,
 * the oldest is cancelled) and unclaimed answers are kept up to {@code keep}, then the oldest is
 * dropped; dropped ones and those left at {@link #close} count as wasted
 * in the usage of the client that offered them (they were paid for). A speculative call's failure
 * never surfaces: the real call then makes its own.
 */
public final class Prefetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Prefetcher.class);

    private enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        GONE
    }

    private static final class Entry {
        final String key;
        final LlmRequest request;
        final LlmUsage usage;
        final long at;
        final long order;
        final boolean guess;
        State state = State.QUEUED;
        LlmResponse response;

        Entry(String key, LlmRequest request, LlmUsage usage, long at, long order, boolean guess) {
            this.key = key;
            this.guess = guess;
            this.request = request;
            this.usage = usage;
            this.at = at;
            this.order = order;
        }
    }

    private final Semaphore permits;
    private final Function<LlmRequest, LlmResponse> call;
    private final AtomicInteger pending;
    private final int keep;
    private final Object lock = new Object();
    /** Offers by urgency: the earliest virtual time first (the kernel's horizon waits on it), then FIFO. */
    private final TreeSet<Entry> queue =
            new TreeSet<>(Comparator.<Entry>comparingLong(e -> e.at).thenComparingLong(e -> e.order));

    private long offers;
    /** Every entry not yet claimed, dropped or failed and forgotten, by key. */
    private final Map<String, Entry> entries = new HashMap<>();
    /** Finished unclaimed entries, oldest first. */
    private final LinkedHashMap<String, Entry> finished = new LinkedHashMap<>();
    /** Keys claimed lately, so a late offer of an answered request is not sent again. */
    private final LinkedHashMap<String, Boolean> claimedKeys;

    private final CopyOnWriteArraySet<Runnable> listeners = new CopyOnWriteArraySet<>();
    private Thread scheduler;
    private ExecutorService workers;
    private boolean closed;
    private long started;
    private long claimed;
    private long wasted;
    private long cancelled;
    private long failed;

    /**
     * @param permits the provider's fair semaphore, shared with real calls
     * @param call runs one request with the provider's retries, the caller already holding a permit
     * @param pending the provider's count of real callers waiting or in flight (a claim that waits
     *     for a running speculative answer is one)
     * @param keep how many offers may wait, and how many finished unclaimed answers are kept
     */
    Prefetcher(Semaphore permits, Function<LlmRequest, LlmResponse> call, AtomicInteger pending, int keep) {
        this.permits = permits;
        this.call = call;
        this.pending = pending;
        this.keep = Math.max(1, keep);
        int remembered = this.keep;
        this.claimedKeys = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Queues {@code request} under its cache {@code key} unless it is already known; returns at once. */
    public void offer(String key, LlmRequest request, LlmUsage usage) {
        offer(key, request, usage, Long.MAX_VALUE);
    }

    /**
     * As {@link #offer(String, LlmRequest, LlmUsage)}, for an observation expected at virtual time
     * {@code at}: earlier ones are sent first.
     */
    public void offer(String key, LlmRequest request, LlmUsage usage, long at) {
        offer(key, request, usage, at, false);
    }

    /** As {@link #offer(String, LlmRequest, LlmUsage, long)}; {@code guess}: for a guessed turn (see {@link Claim}). */
    public void offer(String key, LlmRequest request, LlmUsage usage, long at, boolean guess) {
        synchronized (lock) {
            if (closed || entries.containsKey(key) || claimedKeys.containsKey(key)) {
                return;
            }
            Entry entry = new Entry(key, request, usage, at, offers++, guess);
            entries.put(key, entry);
            queue.add(entry);
            if (queue.size() > keep) {
                // the least urgent guess goes; among equals the oldest, the likeliest to be stale
                Entry stale = leastUrgent();
                queue.remove(stale);
                entries.remove(stale.key);
                stale.state = State.GONE;
                cancelled++;
            }
            if (scheduler == null) {
                workers = Executors.newCachedThreadPool(daemon("mercato-prefetch-call"));
                scheduler = daemon("mercato-prefetch").newThread(this::schedule);
                scheduler.start();
            }
            lock.notifyAll();
        }
    }

    /**
     * The speculative answer for {@code key}, for the real call that needs it now: a finished one at
     * once, a running one when it finishes (waiting without a permit); null when there is none, it
     * failed, or it had not started (then it is cancelled) — the caller then makes the call itself.
     */
    public LlmResponse claim(String key) {
        Claim claim = claimed(key);
        return claim == null ? null : claim.response();
    }

    /** A claimed speculative answer, and whether it was sent for a guessed turn (else a prefetch). */
    public record Claim(LlmResponse response, boolean guessed) {}

    /** As {@link #claim}, saying whether the answer was sent for a guessed turn; null when there is none. */
    public Claim claimed(String key) {
        synchronized (lock) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (entry.state == State.RUNNING) {
                pending.incrementAndGet();
                try {
                    while (entry.state == State.RUNNING) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                } finally {
                    pending.decrementAndGet();
                }
            }
            entries.remove(key);
            finished.remove(key);
            switch (entry.state) {
                case QUEUED -> {
                    entry.state = State.GONE;
                    queue.remove(entry);
                    cancelled++;
                    return null;
                }
                case DONE -> {
                    entry.state = State.GONE;
                    claimed++;
                    claimedKeys.put(key, Boolean.TRUE);
                    return new Claim(entry.response, entry.guess);
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /** The finished speculative answer for {@code key}, left in place for the real call; else null. */
    public LlmResponse peek(String key) {
        synchronized (lock) {
            Entry entry = entries.get(key);
            return entry != null && entry.state == State.DONE ? entry.response : null;
        }
    }

    /** Speculative requests sent (each holding a permit while it ran). */
    public long started() {
        synchronized (lock) {
            return started;
        }
    }

    /** Speculative answers a real call used. */
    public long claimed() {
        synchronized (lock) {
            return claimed;
        }
    }

    /** Speculative calls made for nothing: answers dropped unclaimed, or still running at close. */
    public long wasted() {
        synchronized (lock) {
            return wasted;
        }
    }

    /** Offers cancelled before they were sent (no call made). */
    public long cancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /** Speculative calls that failed after their retries (their real calls went on their own). */
    public long failed() {
        synchronized (lock) {
            return failed;
        }
    }

    /**
     * Ends speculation: queued offers are cancelled, unclaimed answers and calls still running count
     * as wasted, the threads stop. Later offers are ignored and claims find nothing.
     */
    @Override
    public void close() {
        Thread stopping;
        ExecutorService pool;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Entry entry : entries.values()) {
                switch (entry.state) {
                    case QUEUED -> cancelled++;
                    case RUNNING -> waste(entry, null);
                    case DONE -> waste(entry, entry.response);
                    default -> {}
                }
                entry.state = State.GONE;
            }
            entries.clear();
            finished.clear();
            queue.clear();
            stopping = scheduler;
            pool = workers;
            lock.notifyAll();
        }
        if (stopping != null) {
            stopping.interrupt();
            pool.shutdownNow();
        }
    }

    private Entry leastUrgent() {
        Entry worst = queue.last();
        for (Entry e : queue) {
            if (e.at == worst.at) {
                return e;
            }
        }
        return worst;
    }

    private void schedule() {
        while (true) {
            Entry next;
            synchronized (lock) {
                while (!closed && queue.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            boolean launched = false;
            synchronized (lock) {
                // the most urgent offer now, which may have come while the permit was awaited
                next = queue.pollFirst();
                if (!closed && next != null && next.state == State.QUEUED) {
                    next.state = State.RUNNING;
                    started++;
                    launched = true;
                }
            }
            if (!launched) {
                permits.release();
                continue;
            }
            try {
                workers.execute(() -> run(next));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                permits.release(); // closed meanwhile
                return;
            }
        }
    }

    private void run(Entry entry) {
        LlmResponse response = null;
        try {
            response = call.apply(entry.request);
        } catch (RuntimeException e) {
            // a guess that could not be answered: the real call, if it comes, makes its own
            log.debug("speculative call failed: {}", e.getMessage());
        }
        try {
            finish(entry, response);
        } finally {
            // after the answer is recorded: whoever gets the permit next finds it
            permits.release();
        }
        if (response != null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Calls {@code listener} (once registered, whatever the number of calls) after each speculative answer. */
    public void whenAnswered(Runnable listener) {
        listeners.add(listener);
    }

    private void finish(Entry entry, LlmResponse response) {
        synchronized (lock) {
            if (entry.state == State.RUNNING) {
                if (response == null) {
                    entry.state = State.FAILED;
                    failed++;
                    entries.remove(entry.key);
                } else {
                    entry.state = State.DONE;
                    entry.response = response;
                    finished.put(entry.key, entry);
                    dropBeyondKeep();
                }
            }
            lock.notifyAll();
        }
    }

    private void dropBeyondKeep() {
        Iterator<Entry> oldest = finished.values().iterator();
        while (finished.size() > keep) {
            Entry entry = oldest.next();
            oldest.remove();
            entries.remove(entry.key);
            entry.state = State.GONE;
            waste(entry, entry.response);
        }
    }

    private void waste(Entry entry, LlmResponse response) {
        wasted++;
        entry.usage.wasted(response);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
