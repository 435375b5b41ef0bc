package org.mercato.agents.llm;

/**
 * The input tokens an image of {@code width} × {@code height} pixels costs, as each vendor
 * documents it: {@code openai} at high detail 85 plus 170 per 512-pixel tile, after scaling to fit
 * 2048 × 2048 and then to a shortest side of 768; {@code anthropic} ⌈w·h / 750⌉ after scaling to a
 * longest side of 1568; {@code gemini} 258 when both sides are at most 384, else 258 per 768 × 768
 * tile. Images are only scaled down, never up.
 */
public final class ImageTokens {
    private ImageTokens() {}

    public static int estimate(String kind, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image has positive sides, was " + width + "x" + height);
        }
        return switch (kind) {
            case "openai" -> openAi(width, height);
            case "anthropic" -> anthropic(width, height);
            case "gemini" -> gemini(width, height);
            default -> throw new IllegalArgumentException("unknown provider " + kind);
        };
    }

    static int openAi(int width, int height) {
        double w = width;
        double h = height;
        double fit = Math.min(1, 2048 / Math.max(w, h));
        w *= fit;
        h *= fit;
        double shortest = Math.min(1, 768 / Math.min(w, h));
        w *= shortest;
        h *= shortest;
        long tiles = (long) Math.ceil(w / 512) * (long) Math.ceil(h / 512);
        return Math.toIntExact(85 + 170 * tiles);
    }

    static int anthropic(int width, int height) {
        double scale = Math.min(1, 1568.0 / Math.max(width, height));
        double w = Math.round(width * scale);
        double h = Math.round(height * scale);
        return (int) Math.ceil(w * h / 750);
    }

    static int gemini(int width, int height) {
        if (width <= 384 && height <= 384) {
            return 258;
        }
        long tiles = (long) Math.ceil(width / 768.0) * (long) Math.ceil(height / 768.0);
        return Math.toIntExact(258 * tiles);
    }
}
