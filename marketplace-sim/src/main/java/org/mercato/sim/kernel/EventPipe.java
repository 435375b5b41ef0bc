package org.mercato.sim.kernel;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/**
 * Hands each window's events, in order, to the sinks. Inline: on the kernel thread. Background:
 * on one writer thread, so that serializing window w overlaps the kernel's sequential work on
 * window w+1 (when the agent threads are idle). Either way the sinks see every event in log order
 * from a single thread; a sink's failure surfaces on the kernel thread.
 */
abstract sealed class EventPipe {
    abstract void publish(List<LoggedEvent> window);

    /** Waits until every published event reached the sinks. */
    abstract void finish();

    static EventPipe inline(List<EventSink> sinks) {
        return new Inline(sinks);
    }

    static EventPipe background(List<EventSink> sinks) {
        return new Background(sinks);
    }

    static void write(List<EventSink> sinks, List<LoggedEvent> window) {
        for (LoggedEvent event : window) {
            for (EventSink sink : sinks) {
                sink.accept(event);
            }
        }
    }

    private static final class Inline extends EventPipe {
        private final List<EventSink> sinks;

        Inline(List<EventSink> sinks) {
            this.sinks = sinks;
        }

        @Override
        void publish(List<LoggedEvent> window) {
            write(sinks, window);
        }

        @Override
        void finish() {}
    }

    private static final class Background extends EventPipe {
        private static final List<LoggedEvent> END = List.of();
        /**
         * Events published but not yet written, at most (a larger window still passes alone): a
         * writer slower than the market makes the kernel wait instead of holding millions of events.
         */
        static final int MAX_UNWRITTEN = 1 << 18;

        private final BlockingQueue<List<LoggedEvent>> windows = new LinkedBlockingQueue<>();
        private final Semaphore unwritten = new Semaphore(MAX_UNWRITTEN);
        private final Thread writer;
        private volatile Throwable failure;

        Background(List<EventSink> sinks) {
            writer = new Thread(() -> drain(sinks), "mercato-event-writer");
            writer.setDaemon(true);
            writer.start();
        }

        private void drain(List<EventSink> sinks) {
            try {
                for (List<LoggedEvent> window = windows.take(); window != END; window = windows.take()) {
                    if (failure == null) {
                        write(sinks, window);
                    }
                    unwritten.release(permits(window));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
                windows.clear();
                unwritten.release(MAX_UNWRITTEN);
            }
        }

        @Override
        void publish(List<LoggedEvent> window) {
            rethrowFailure();
            put(window);
        }

        @Override
        void finish() {
            put(END);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing events", e);
            }
            rethrowFailure();
        }

        private static int permits(List<LoggedEvent> window) {
            return Math.min(window.size(), MAX_UNWRITTEN);
        }

        private void put(List<LoggedEvent> window) {
            try {
                while (!unwritten.tryAcquire(permits(window), 100, TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                }
                windows.put(window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing events", e);
            }
        }

        private void rethrowFailure() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
