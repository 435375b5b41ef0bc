package org.mercato.scenarios.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressState;
import org.mercato.sim.kernel.KernelListener;

/**
 * A progress line on stderr (me.tongfei progressbar, with its own renderer), fed by the kernel
 * after every window: events so far, their rate, the virtual time reached and the wall time. A
 * run's length is not known in advance (it ends when the market goes quiet), so the bar is
 * indefinite and shows a spinner rather than a percentage. It appears only once a run has taken a second of wall time, so
 * short runs print nothing, and it is refreshed at most a few times a second.
 */
final class ProgressDisplay implements KernelListener, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REFRESH_NANOS = 200_000_000L;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final boolean enabled;
    private final long showAfterNanos;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private long lastRefresh;
    private long lastEvents;
    private long lastVirtualTime;

    ProgressDisplay(PrintWriter err, boolean enabled) {
        this(err, enabled, SHOW_AFTER_NANOS);
    }

    ProgressDisplay(PrintWriter err, boolean enabled, long showAfterNanos) {
        this.err = err;
        this.enabled = enabled;
        this.showAfterNanos = showAfterNanos;
    }

    @Override
    public void windowDone(long virtualTime, long events) {
        if (!enabled) {
            return;
        }
        lastEvents = events;
        lastVirtualTime = virtualTime;
        long now = System.nanoTime();
        if (bar == null) {
            if (now - started < showAfterNanos) {
                return;
            }
            bar = open(Duration.ofNanos(now - started));
        } else if (now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        update();
    }

    private void update() {
        bar.stepTo(lastEvents);
        bar.setExtraMessage(Format.virtual(lastVirtualTime));
    }

    private ProgressBar open(Duration alreadyElapsed) {
        return new ProgressBarBuilder()
                .setTaskName("simulating")
                .setInitialMax(-1)
                .setUpdateIntervalMillis(250)
                .startsFrom(0, alreadyElapsed)
                .setRenderer(ProgressDisplay::render)
                .setConsumer(new WriterConsumer(err))
                .build();
    }

    /**
     * {@code | simulating: 226,436 events, 75,479 events/s, virtual time 31.73s, 0:00:03}: the
     * library's own renderer shows "?" for everything an indefinite bar does not know.
     */
    static String render(ProgressState state, int maxLength) {
        long millis = Math.max(1, state.getTotalElapsed().toMillis());
        long events = state.getCurrent();
        long seconds = millis / 1_000;
        String virtual = state.getExtraMessage().isEmpty() ? "" : ", virtual time " + state.getExtraMessage();
        String text = String.format(
                Locale.ROOT,
                "%c %s: %s events, %s events/s%s, %d:%02d:%02d",
                SPINNER.charAt((int) (millis / 250 % SPINNER.length())),
                state.getTaskName(),
                Format.count(events),
                Format.count(Math.round(events * 1_000.0 / millis)),
                virtual,
                seconds / 3_600,
                seconds / 60 % 60,
                seconds % 60);
        return maxLength > 0 && text.length() > maxLength ? text.substring(0, maxLength) : text;
    }

    /** Whether the bar was shown (the run took longer than a second). */
    boolean shown() {
        return bar != null;
    }

    @Override
    public void close() {
        if (bar != null) {
            update();
            bar.close();
        }
    }

    /** Draws the bar on one line of a {@link PrintWriter}, redrawing it in place with a carriage return. */
    static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;
        private final int width;
        private int previous;

        WriterConsumer(PrintWriter out) {
            this.out = out;
            int columns = 100;
            try {
                columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
            } catch (NumberFormatException e) {
                // keep the default
            }
            this.width = Math.max(40, columns - 1);
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            String line = rendered.length() > width ? rendered.substring(0, width) : rendered;
            // pad over the rest of a longer previous line
            out.print('\r' + line + " ".repeat(Math.max(0, previous - line.length())));
            previous = line.length();
            out.flush();
        }

        @Override
        public void close() {
            out.println();
            out.flush();
        }
    }
}
