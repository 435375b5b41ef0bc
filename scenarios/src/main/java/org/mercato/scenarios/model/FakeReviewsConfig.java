package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * Fake reviews, a seller tactic: each of the {@code sellers} ({@code overPromisers}, the default, or
 * a list of service ids) posts up to {@code budget} reviews of {@code stars} stars (5 unless given),
 * on average {@code every} apart (exponential gaps).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sellers", "budget", "every", "stars"})
public record FakeReviewsConfig(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> sellers,

        Integer budget,
        Duration every,
        Integer stars) {
    public static final String OVER_PROMISERS = "overPromisers";

    public FakeReviewsConfig {
        sellers = sellers == null ? List.of(OVER_PROMISERS) : List.copyOf(sellers);
        if (sellers.isEmpty()) {
            throw new IllegalArgumentException("sellers must name overPromisers or at least one service id");
        }
        if (sellers.contains(OVER_PROMISERS) && sellers.size() > 1) {
            throw new IllegalArgumentException("sellers is either overPromisers or a list of service ids");
        }
        if (budget == null || budget < 0) {
            throw new IllegalArgumentException("budget must be a count >= 0 (fake reviews per seller), was " + budget);
        }
        if (every == null || every.micros() <= 0) {
            throw new IllegalArgumentException("every is required: the mean gap between fake reviews, such as 12h");
        }
        stars = Objects.requireNonNullElse(stars, 5);
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be within 1 to 5, was " + stars);
        }
    }

    public boolean sellersAreOverPromisers() {
        return sellers.equals(List.of(OVER_PROMISERS));
    }
}
