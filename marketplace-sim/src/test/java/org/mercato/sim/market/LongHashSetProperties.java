package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The primitive set answers like a {@code HashSet<Long>}, zero and negative keys included, and copies are independent. */
class LongHashSetProperties {
    @Property(tries = 300)
    void behavesLikeAHashSet(
            @ForAll @Size(max = 400) List<@LongRange(min = -50, max = 50) Long> small,
            @ForAll @Size(max = 400) List<Long> any) {
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        for (List<Long> keys : List.of(small, any)) {
            for (long key : keys) {
                assertThat(set.add(key)).isEqualTo(reference.add(key));
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
        LongHashSet copy = set.copy();
        set.add(Long.MIN_VALUE);
        for (long probe = -60; probe <= 60; probe++) {
            assertThat(copy.contains(probe)).isEqualTo(reference.contains(probe));
        }
        for (long key : any) {
            assertThat(copy.contains(key)).isTrue();
        }
        assertThat(copy.contains(Long.MIN_VALUE)).isEqualTo(reference.contains(Long.MIN_VALUE));
        assertThat(set.contains(Long.MIN_VALUE)).isTrue();
    }
}
