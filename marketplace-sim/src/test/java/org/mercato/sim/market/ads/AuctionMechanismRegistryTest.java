package org.mercato.sim.market.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuctionMechanismRegistryTest {
    @Test
    void everyPermittedMechanismIsRegisteredUnderItsOwnName() {
        List<Class<?>> registered = new ArrayList<>();
        for (String name : AuctionMechanism.NAMES) {
            registered.add(AuctionMechanism.named(name).getClass());
        }
        assertThat(registered).containsExactlyInAnyOrder(AuctionMechanism.class.getPermittedSubclasses());
        for (String name : AuctionMechanism.NAMES) {
            assertThat(AuctionMechanism.named(name).name()).isEqualTo(name);
        }
    }

    @Test
    void namesKeepTheirDocumentedOrderAndUnknownOnesAreRefused() {
        assertThat(AuctionMechanism.NAMES).containsExactly("gsp", "vcg", "first-price", "second-price");
        assertThatThrownBy(() -> AuctionMechanism.named("dutch"))
                .hasMessage("unknown auction mechanism 'dutch', expected one of gsp, vcg, first-price, second-price");
        assertThat(Arrays.stream(AuctionMechanism.class.getPermittedSubclasses()))
                .hasSize(AuctionMechanism.NAMES.size());
    }
}
