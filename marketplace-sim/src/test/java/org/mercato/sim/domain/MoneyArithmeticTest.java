package org.mercato.sim.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.sim.market.Ledger;

/** Sums and products of money fail naming what overflowed instead of wrapping around. */
class MoneyArithmeticTest {
    @Test
    void anOrderTotalThatDoesNotFitFailsNamingIt() {
        List<OrderLine> lines = List.of(new OrderLine("a", 1, Long.MAX_VALUE), new OrderLine("b", 1, 1));

        assertThatThrownBy(() -> OrderLine.total(lines))
                .isInstanceOf(MoneyOverflowException.class)
                .hasMessageStartingWith("money overflow: the total of an order exceeds 92233720368547758.07");
        assertThatThrownBy(() -> new OrderLine("a", 3, Long.MAX_VALUE / 2).amount())
                .isInstanceOf(MoneyOverflowException.class)
                .hasMessageContaining("the amount of an order line");
    }

    @Test
    void aLedgerBalanceThatWouldWrapFails() {
        Ledger ledger = new Ledger(new long[] {10, Long.MAX_VALUE - 5});

        assertThatThrownBy(() -> ledger.transfer(0, 1, 10))
                .isInstanceOf(MoneyOverflowException.class)
                .hasMessageContaining("balance");
        // nothing moved
        assertThat(ledger.balance(0)).isEqualTo(10);
        assertThat(ledger.balance(1)).isEqualTo(Long.MAX_VALUE - 5);
    }

    @Test
    void manyLinesOfOneItemDoNotWrapToASmallQuantity() {
        Customer customer =
                new Customer("c", "c", "", new TreeMap<>(Map.of("a", 5)), new TreeMap<>(Map.of("a", 1L)), null, 0);
        List<OrderLine> lines = List.of(
                new OrderLine("a", Integer.MAX_VALUE, 0),
                new OrderLine("a", Integer.MAX_VALUE, 0),
                new OrderLine("a", 3, 0));

        assertThat(customer.isCoveredBy(lines)).isTrue();
    }

    @Test
    void domainRecordsRefuseMoneyAboveTheMaximum() {
        assertThatThrownBy(() -> Service.of("s", Map.of("a", Money.MAX_CENTS + 1), Set.of(), 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price of a at s must be at most 10000000.00 (the largest amount of money Mercato"
                        + " accepts), was 10000000.01");
        assertThat(Service.of("s", Map.of("a", Money.MAX_CENTS), Set.of(), 4, 0).menu())
                .containsEntry("a", Money.MAX_CENTS);
        assertThatThrownBy(() -> new Customer(
                        "c",
                        "c",
                        "",
                        new TreeMap<>(Map.of("a", Money.MAX_QUANTITY + 1)),
                        new TreeMap<>(Map.of("a", 1L)),
                        null,
                        0))
                .hasMessageContaining("quantity of a for c must be at most 1000000");
    }

    @Test
    void problemsQuoteAShortExcerptOfTheValue() {
        assertThat(Money.problem(new BigDecimal("1e400"))).endsWith("was 1E+400");
        assertThat(Money.problem(new BigDecimal("1".repeat(60))))
                .endsWith("...")
                .hasSizeLessThan(150);
        assertThat(Money.problem(Double.NaN)).isEqualTo("must be a finite amount of money, was NaN");
        assertThat(Money.problem(Money.MAX)).isNull();
        assertThat(Money.problem(BigDecimal.ZERO)).isNull();
    }
}
