package org.mercato.agents.llm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A page shown to a model as an image: {@code page} is the SHA-256 of the page's HTML (what was
 * seen), {@code viewport} its size ({@code 1280x800}), {@code tokens} the provider's estimate of
 * what the image costs as input. The PNG comes from {@code png} only when a request really goes
 * out, so a replay never renders; neither it nor the estimate is part of the JSON the cache key
 * hashes (only what was seen, at which size), and equality ignores the supplier.
 */
@JsonPropertyOrder({"page", "viewport"})
public record LlmImage(
        String page,
        String viewport,
        @JsonIgnore int tokens,
        @JsonIgnore Supplier<byte[]> png) {
    public LlmImage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewport, "viewport");
        Objects.requireNonNull(png, "png");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
        }
    }

    /** The PNG bytes (rendered on first use by the supplier, which may cache them). */
    public byte[] bytes() {
        return png.get();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LlmImage that
                && page.equals(that.page)
                && viewport.equals(that.viewport)
                && tokens == that.tokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(page, viewport, tokens);
    }

    @Override
    public String toString() {
        return "LlmImage[page=" + page + ", viewport=" + viewport + ", tokens=" + tokens + "]";
    }
}
