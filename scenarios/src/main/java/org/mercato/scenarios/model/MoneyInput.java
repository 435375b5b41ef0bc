package org.mercato.scenarios.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import org.mercato.sim.domain.Money;

/**
 * Bounds money and quantities while a scenario is read, so a value beyond {@link Money#MAX} (or
 * negative, or not finite) is refused at its key, with the file's line and column or the {@code
 * --set} override that gave it, before any arithmetic can overflow. Put on a record component with
 * {@code @JsonDeserialize(using = MoneyInput.Amount.class)} (or {@code contentUsing} for a map of
 * amounts).
 */
public final class MoneyInput {
    private MoneyInput() {}

    /**
     * Refuses a map entry without a value ({@code menu: {Tacos: }} or {@code {9.50, Horchata: 3}},
     * where YAML reads {@code 9.50} as a key): a null never reaches the deserializers above.
     */
    static void requireValues(java.util.Map<String, ?> entries, String what) {
        if (entries == null) {
            return;
        }
        for (var entry : entries.entrySet()) {
            if (entry.getValue() == null) {
                throw new IllegalArgumentException(what + " '" + entry.getKey() + "' has no value");
            }
        }
    }

    /** An amount of money in currency units, 0 to {@link Money#MAX}. */
    public static final class Amount extends Bounded<BigDecimal> {
        private static final long serialVersionUID = 1L;

        public Amount() {
            super(BigDecimal.class);
        }

        @Override
        String problem(BigDecimal amount) {
            return Money.problem(amount);
        }
    }

    /** An amount of money held as a {@code double} (a price per token), finite, 0 to {@link Money#MAX}. */
    public static final class DoubleAmount extends Bounded<Double> {
        private static final long serialVersionUID = 1L;

        public DoubleAmount() {
            super(Double.class);
        }

        @Override
        String problem(Double amount) {
            return Money.problem(amount);
        }
    }

    /** A requested quantity, 1 to {@link Money#MAX_QUANTITY}. */
    public static final class Quantity extends Bounded<Integer> {
        private static final long serialVersionUID = 1L;

        public Quantity() {
            super(Integer.class);
        }

        @Override
        String problem(Integer quantity) {
            return Money.quantityProblem(quantity);
        }
    }

    /** Reads a value the standard way, then refuses it if {@link #problem} says what is wrong. */
    private abstract static class Bounded<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;

        private final Class<T> type;

        Bounded(Class<T> type) {
            super(type);
            this.type = type;
        }

        /** What is wrong with {@code value}, or null. */
        abstract String problem(T value);

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = ctxt.readValue(p, type);
            String problem = value == null ? null : problem(value);
            if (problem != null) {
                // a plain mapping exception: the loader reports its message at the key Jackson's path names
                throw JsonMappingException.from(p, problem);
            }
            return value;
        }
    }
}
