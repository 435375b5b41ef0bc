package org.mercato.agents.base;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.sim.domain.Money;

/**
 * The counter-offer syntax buyers and sellers share in text messages: {@code offer: 12.50} (a total
 * in currency units, at most two decimals). The {@code negotiator} assistant writes it; the {@code
 * negotiable} service reads it.
 */
public final class CounterOffer {
    /** An offer inside a message text. */
    public static final Pattern PATTERN = Pattern.compile("offer:\\s*(\\d+(?:\\.\\d{1,2})?)");

    private CounterOffer() {}

    /** The offer in a message text, in cents, if it has one within {@link Money#MAX} (a larger one is no offer). */
    public static Optional<Long> in(String text) {
        Matcher m = PATTERN.matcher(text == null ? "" : text);
        if (!m.find() || Money.problem(new BigDecimal(m.group(1))) != null) {
            return Optional.empty();
        }
        return Optional.of(Money.cents(m.group(1)));
    }

    /** The text of a counter offer of {@code cents}. */
    public static String text(long cents) {
        return "offer: " + Money.format(cents);
    }
}
