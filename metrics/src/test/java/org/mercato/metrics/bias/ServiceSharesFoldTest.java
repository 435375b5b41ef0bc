package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceSharesFoldTest {
    @Test
    void everyAnnouncedServiceHasItsPaymentAndMoneyShareZerosIncluded() {
        // a: 2 payments, 60.00; b: 1 payment, 40.00; c: announced, never paid
        var result = new BiasEvents()
                .service("a", 1000)
                .service("b", 1000)
                .service("c", 1000)
                .pay("p1", "x", "a", 4000)
                .pay("p2", "y", "b", 4000)
                .pay("p3", "z", "a", 2000)
                .into(new ServiceSharesFold())
                .result();

        assertThat(result.services()).isEqualTo(3);
        assertThat(result.listed()).isEqualTo(3);
        assertThat(result.byService()).containsOnlyKeys("a", "b", "c");
        var a = result.byService().get("a");
        assertThat(a.payments()).isEqualTo(2);
        assertThat(a.paymentShare()).isEqualTo(0.666667);
        assertThat(a.amount()).isEqualByComparingTo("60.00");
        assertThat(a.amountShare()).isEqualTo(0.6);
        assertThat(result.byService().get("b").amountShare()).isEqualTo(0.4);
        assertThat(result.byService().get("c").paymentShare()).isZero();
        assertThat(result.byService().get("c").amountShare()).isZero();
    }

    @Test
    void aLargeMarketListsOnlyTheTopSellersUpToTheLimit() {
        BiasEvents events = new BiasEvents();
        int services = ServiceSharesFold.LIMIT + 50;
        for (int i = 0; i < services; i++) {
            events.service(String.format("s%04d", i), 1000);
        }
        // the last 20 services sell, the one with the highest number twice
        for (int i = services - 20; i < services; i++) {
            events.pay("p" + i, "x", String.format("s%04d", i), 500);
        }
        events.pay("again", "y", String.format("s%04d", services - 1), 500);

        var result = events.into(new ServiceSharesFold()).result();

        assertThat(result.services()).isEqualTo(services);
        assertThat(result.listed()).isEqualTo(ServiceSharesFold.LIMIT);
        assertThat(result.limit()).isEqualTo(ServiceSharesFold.LIMIT);
        assertThat(result.byService()).hasSize(ServiceSharesFold.LIMIT);
        // the 20 sellers first, then the non-sellers by id: s0000 .. s0079
        assertThat(result.byService()).containsKeys(String.format("s%04d", services - 1), "s0000", "s0079");
        assertThat(result.byService()).doesNotContainKey("s0080");
        assertThat(result.byService().get(String.format("s%04d", services - 1)).paymentShare())
                .isEqualTo(0.095238); // 2 of 21
    }

    @Test
    void aLogWithoutServicesHasNoBlock() {
        assertThat(new BiasEvents().into(new ServiceSharesFold()).result()).isNull();
    }
}
