package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a multimodal shopper's screenshots are kept besides memory: {@code folder}, one PNG per
 * page and viewport ({@code <sha>-<WxH>.png}, relative to the working directory; several runs may
 * share it). Screenshots are the same for the same Chromium build, fonts and machine type only; the
 * model-call cache never depends on them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"folder"})
public record LlmScreenshotsConfig(String folder) {
    public LlmScreenshotsConfig {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("folder is required (a folder for the screenshots' PNG files)");
        }
    }
}
