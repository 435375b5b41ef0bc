package org.mercato.sim.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warm-up run once per JVM on a daemon thread, so that a slow first use (a native library to
 * unpack, every library's configuration to parse) overlaps with what the caller does meanwhile. A
 * warm-up that fails is only logged at debug level: the first real use fails again and says why.
 */
public final class Preloader {

    private final String name;
    private final Runnable warmUp;
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code name} names the thread. */
    public Preloader(String name, Runnable warmUp) {
        this.name = name;
        this.warmUp = warmUp;
    }

    /** Starts the warm-up unless it was started before; returns at once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::warmUp, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        try {
            warmUp.run();
        } catch (RuntimeException | LinkageError e) {
            // the logger only now: starting logging scans every jar on the class path
            Logger log = LoggerFactory.getLogger(Preloader.class);
            log.debug("{} failed; the first use will say why", name, e);
        }
    }
}
