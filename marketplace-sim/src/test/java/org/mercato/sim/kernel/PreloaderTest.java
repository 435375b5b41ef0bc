package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreloaderTest {
    @Test
    void warmsUpOnceOnADaemonThreadHoweverOftenStarted() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Thread[] thread = new Thread[1];
        Preloader preloader = new Preloader("test-preload", () -> {
            runs.incrementAndGet();
            thread[0] = Thread.currentThread();
            done.countDown();
        });

        preloader.start();
        preloader.start();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        thread[0].join(10_000);
        preloader.start();
        assertThat(runs).hasValue(1);
        assertThat(thread[0].getName()).isEqualTo("test-preload");
        assertThat(thread[0].isDaemon()).isTrue();
    }

    @Test
    void aFailingWarmUpEndsItsThreadQuietly() throws InterruptedException {
        AtomicInteger uncaught = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Thread[] thread = new Thread[1];
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.incrementAndGet());
        try {
            new Preloader("failing-preload", () -> {
                        thread[0] = Thread.currentThread();
                        started.countDown();
                        throw new UnsatisfiedLinkError("no native library");
                    })
                    .start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            thread[0].join(10_000);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).hasValue(0);
    }
}
