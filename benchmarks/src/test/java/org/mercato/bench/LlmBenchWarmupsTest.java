package org.mercato.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmBenchWarmupsTest {
    private final LlmBench.Warmups warmups = new LlmBench.Warmups(2, 5);

    @Test
    void theMinimumRunsWhateverTheCompilerDoes() {
        assertThat(warmups.another(0, false)).isTrue();
        assertThat(warmups.another(1, false)).isTrue();
    }

    @Test
    void pastTheMinimumOnlyABusyCompilerAsksForMoreUpToTheMaximum() {
        assertThat(warmups.another(2, false)).isFalse();
        assertThat(warmups.another(2, true)).isTrue();
        assertThat(warmups.another(4, true)).isTrue();
        assertThat(warmups.another(5, true)).isFalse();
    }

    @Test
    void theCompilerIsBusyWhenItTookMoreThanATenthOfTheWallTime() {
        long second = 1_000_000_000L;

        assertThat(LlmBench.Warmups.compiling(101, second)).isTrue();
        assertThat(LlmBench.Warmups.compiling(100, second)).isFalse();
        assertThat(LlmBench.Warmups.compiling(0, second)).isFalse();
    }

    @Test
    void aMaximumBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> new LlmBench.Warmups(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 and 4");
    }
}
