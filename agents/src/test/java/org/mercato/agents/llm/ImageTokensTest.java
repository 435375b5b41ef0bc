package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The vendors' documented image-token rules, on worked examples. */
class ImageTokensTest {
    @Test
    void openAiCountsHighDetailTilesAfterScaling() {
        // 1280x800 -> shortest side 768: 1229x768 -> 3 x 2 tiles
        assertThat(ImageTokens.estimate("openai", 1280, 800)).isEqualTo(85 + 170 * 6);
        // OpenAI's own example: 1024x1024 -> 768x768 -> 4 tiles = 765
        assertThat(ImageTokens.estimate("openai", 1024, 1024)).isEqualTo(765);
        // 2048x4096 -> 1024x2048 -> 768x1536 -> 2 x 3 tiles = 1105
        assertThat(ImageTokens.estimate("openai", 2048, 4096)).isEqualTo(1105);
        // small images are not scaled up: one tile
        assertThat(ImageTokens.estimate("openai", 300, 200)).isEqualTo(255);
    }

    @Test
    void anthropicCountsPixelsOver750AfterFittingTheLongSide() {
        assertThat(ImageTokens.estimate("anthropic", 1280, 800)).isEqualTo(1366);
        assertThat(ImageTokens.estimate("anthropic", 1000, 1000)).isEqualTo(1334);
        // 3136x1568 -> 1568x784
        assertThat(ImageTokens.estimate("anthropic", 3136, 1568)).isEqualTo((int) Math.ceil(1568.0 * 784 / 750));
    }

    @Test
    void geminiCounts258PerTile() {
        assertThat(ImageTokens.estimate("gemini", 384, 384)).isEqualTo(258);
        assertThat(ImageTokens.estimate("gemini", 1280, 800)).isEqualTo(258 * 4);
        assertThat(ImageTokens.estimate("gemini", 768, 768)).isEqualTo(258);
    }

    @Test
    void anUnknownKindOrEmptyImageIsRefused() {
        assertThatThrownBy(() -> ImageTokens.estimate("mistral", 10, 10)).hasMessageContaining("unknown provider");
        assertThatThrownBy(() -> ImageTokens.estimate("openai", 0, 10)).hasMessageContaining("positive sides");
    }
}
