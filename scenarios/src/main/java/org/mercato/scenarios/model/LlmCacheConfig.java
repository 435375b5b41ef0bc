package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.agents.llm.CacheMode;

/**
 * Record and replay of model answers: {@code mode} ({@code off}, {@code record}, {@code replay},
 * {@code replay-strict}) and the cache {@code folder} (one JSON file per request; required unless
 * off; relative to the working directory; several runs may share it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "folder"})
public record LlmCacheConfig(String mode, String folder) {
    public static final LlmCacheConfig OFF = new LlmCacheConfig("off", null);

    public LlmCacheConfig {
        mode = Objects.requireNonNullElse(mode, "off");
        CacheMode parsed = CacheMode.parse(mode);
        if (parsed != CacheMode.OFF && (folder == null || folder.isBlank())) {
            throw new IllegalArgumentException("cache mode " + mode + " needs a folder");
        }
    }

    public CacheMode cacheMode() {
        return CacheMode.parse(mode);
    }
}
