package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rolling kernel sleeps through completions that cannot move its horizon, and misses none that can. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CompletionsTest {
    private static final int MANY = Completions.FEW_RUNNING + 10;

    private final Completions<Integer> completions = new Completions<>(agent -> agent);

    @Test
    void theWatchedAgentFinishingBeforeTheWaitReturnsAtOnce() throws Exception {
        completions.started(MANY);
        completions.finished(5);

        completions.await(5);

        assertThat(completions.poll()).isEqualTo(5);
        assertThat(completions.poll()).isNull();
    }

    @Test
    void anotherAgentFinishingDoesNotWakeTheKernelButTheWatchedOneDoes() throws Exception {
        completions.started(MANY);
        CompletableFuture<Void> woken = waitOnAnotherThread(7);

        completions.finished(1);
        Thread.sleep(100);
        assertThat(woken).isNotDone();

        completions.finished(7);
        woken.get(10, TimeUnit.SECONDS);
        assertThat(completions.poll()).isEqualTo(1);
        assertThat(completions.poll()).isEqualTo(7);
    }

    @Test
    void withFewBatchesRunningEveryCompletionWakesTheKernel() throws Exception {
        completions.started(3);
        CompletableFuture<Void> woken = waitOnAnotherThread(7);

        completions.finished(1);

        woken.get(10, TimeUnit.SECONDS);
        assertThat(completions.poll()).isEqualTo(1);
    }

    @Test
    void anAlertWakesTheKernel() throws Exception {
        completions.started(MANY);
        CompletableFuture<Void> woken = waitOnAnotherThread(7);

        completions.alert(-1);

        woken.get(10, TimeUnit.SECONDS);
        assertThat(completions.poll()).isEqualTo(-1);
    }

    private CompletableFuture<Void> waitOnAnotherThread(int watched) throws InterruptedException {
        CompletableFuture<Void> woken = new CompletableFuture<>();
        Thread kernel = new Thread(() -> {
            try {
                completions.await(watched);
                woken.complete(null);
            } catch (Throwable t) {
                woken.completeExceptionally(t);
            }
        });
        kernel.setDaemon(true);
        kernel.start();
        while (kernel.getState() != Thread.State.WAITING && !woken.isDone()) {
            Thread.onSpinWait();
        }
        return woken;
    }
}
