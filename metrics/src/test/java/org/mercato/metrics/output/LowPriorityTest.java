package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LowPriorityTest {

    @BeforeAll
    static void onLinuxWithRenice() {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "needs Linux's /proc/thread-self");
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "needs renice");
    }

    @Test
    void lowersTheCallingThreadOnly() throws Exception {
        int before = niceOfCurrentThread();
        AtomicBoolean set = new AtomicBoolean();
        AtomicInteger after = new AtomicInteger(Integer.MIN_VALUE);
        Thread writer = new Thread(() -> {
            set.set(LowPriority.applyToCurrentThread(10));
            after.set(niceOfCurrentThread());
        });
        writer.start();
        writer.join();

        assertThat(set).isTrue();
        // renice -n is absolute in util-linux and an increment in POSIX: 10 or more either way
        assertThat(after.get()).isGreaterThanOrEqualTo(Math.max(10, before));
        assertThat(after.get()).isGreaterThan(before);
        assertThat(niceOfCurrentThread()).isEqualTo(before);
    }

    @Test
    void zeroLeavesTheThreadAlone() throws Exception {
        AtomicBoolean set = new AtomicBoolean(true);
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Thread writer = new Thread(() -> {
            before.set(niceOfCurrentThread());
            set.set(LowPriority.applyToCurrentThread(0));
            after.set(niceOfCurrentThread());
        });
        writer.start();
        writer.join();

        assertThat(set).isFalse();
        assertThat(after.get()).isEqualTo(before.get());
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis. */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
