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

    /** An amount of money in currency units, 0 to {@link Money#MAX}. */
    public static final class Amount extends StdDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        public Amount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal amount = ctxt.readValue(p, BigDecimal.class);
            if (amount != null) {
                refuse(p, Money.problem(amount));
            }
            return amount;
        }
    }

    /** An amount of money held as a {@code double} (a price per token), finite, 0 to {@link Money#MAX}. */
    public static final class DoubleAmount extends StdDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        public DoubleAmount() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double amount = ctxt.readValue(p, Double.class);
            if (amount != null) {
                refuse(p, Money.problem(amount));
            }
            return amount;
        }
    }

    /** A requested quantity, 1 to {@link Money#MAX_QUANTITY}. */
    public static final class Quantity extends StdDeserializer<Integer> {
        private static final long serialVersionUID = 1L;

        public Quantity() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Integer quantity = ctxt.readValue(p, Integer.class);
            if (quantity != null) {
                refuse(p, Money.quantityProblem(quantity));
            }
            return quantity;
        }
    }

    private static void refuse(JsonParser p, String problem) throws JsonMappingException {
        if (problem != null) {
            // a plain mapping exception: the loader reports its message at the key Jackson's path names
            throw JsonMappingException.from(p, problem);
        }
    }
}
