package org.mercato.scenarios.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressState;
import org.mercato.scenarios.run.RunProgress;

/**
 * A progress line on stderr (me.tongfei progressbar, with its own renderer) naming the run's phase:
 * while {@code simulating}, fed by the kernel after every window: events so far, their rate, the
 * virtual time reached and the wall time; then {@code summary} (events summarized) and {@code
 * writing} (rows written into the result tables, or files when there are none), counted live. A
 * run's length is not known in advance (it ends when the market goes quiet), so the bar is
 * indefinite and shows a spinner rather than a percentage. It appears only once a run has taken a second of wall time, so
 * short runs print nothing, and it is refreshed at most a few times a second.
 */
final class ProgressDisplay implements RunProgress, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REFRESH_NANOS = 200_000_000L;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final boolean enabled;
    private final long showAfterNanos;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private WriterConsumer consumer;
    private long lastRefresh;
    private long lastEvents;
    private long lastVirtualTime;
    /** The phase after simulating (null while simulating), read by the bar's refresh thread. */
    private volatile Phase phase;

    private record Phase(String name, String unit, LongSupplier done) {}

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

    @Override
    public void phase(String name, String unit, LongSupplier done) {
        if (!enabled) {
            return;
        }
        this.phase = new Phase(name, unit, done);
        long now = System.nanoTime();
        if (bar == null && now - started >= showAfterNanos) {
            bar = open(Duration.ofNanos(now - started));
        }
        if (bar != null) {
            // drawn at once: a short phase may end before the bar's own refresh
            consumer.accept(render((now - started) / 1_000_000, lastEvents, "", consumer.getMaxRenderedLength()));
        }
    }

    /** Shown whether or not the progress line is: the run waits for the user here. */
    @Override
    public synchronized void notice(String line) {
        err.println(line);
        err.flush();
    }

    private void update() {
        bar.stepTo(lastEvents);
        bar.setExtraMessage(Format.virtual(lastVirtualTime));
    }

    private ProgressBar open(Duration alreadyElapsed) {
        consumer = new WriterConsumer(err);
        return new ProgressBarBuilder()
                .setTaskName("simulating")
                .setInitialMax(-1)
                .setUpdateIntervalMillis(250)
                .startsFrom(0, alreadyElapsed)
                .setRenderer(this::render)
                .setConsumer(consumer)
                .build();
    }

    /**
     * {@code | simulating: 226,436 events, 75,479 events/s, virtual time 31.73s, 0:00:03}, then
     * {@code | summary: 226,436 events, 0:00:04} and {@code | writing: 1,203,118 rows, 0:00:05}: the
     * library's own renderer shows "?" for everything an indefinite bar does not know.
     */
    String render(ProgressState state, int maxLength) {
        return render(state.getTotalElapsed().toMillis(), state.getCurrent(), state.getExtraMessage(), maxLength);
    }

    private String render(long elapsedMillis, long events, String virtualTime, int maxLength) {
        long millis = Math.max(1, elapsedMillis);
        Phase after = phase;
        boolean simulating = after == null;
        long count = simulating ? events : after.done().getAsLong();
        String rate = simulating ? ", " + Format.count(Math.round(count * 1_000.0 / millis)) + " events/s" : "";
        String virtual = !simulating || virtualTime.isEmpty() ? "" : ", virtual time " + virtualTime;
        long seconds = millis / 1_000;
        String text = String.format(
                Locale.ROOT,
                "%c %s: %s %s%s%s, %d:%02d:%02d",
                SPINNER.charAt((int) (millis / 250 % SPINNER.length())),
                simulating ? "simulating" : after.name(),
                Format.count(count),
                simulating ? "events" : after.unit(),
                rate,
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
        public synchronized void accept(String rendered) {
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
