package org.mercato.sim.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link Immutable#sortedMap}'s array map reads, slices, compares and prints like a {@code TreeMap}, and refuses changes. */
class SortedArrayMapProperties {
    @Property(tries = 300)
    void readsLikeATreeMap(
            @ForAll @Size(max = 12) Map<@AlphaChars @StringLength(max = 3) String, Integer> source,
            @ForAll @AlphaChars @StringLength(max = 3) String probe,
            @ForAll @AlphaChars @StringLength(max = 3) String other) {
        TreeMap<String, Integer> reference = new TreeMap<>(source);
        SortedMap<String, Integer> map = Immutable.sortedMap(source);

        assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(reference.entrySet());
        assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(reference.keySet());
        assertThat(map).isEqualTo(reference);
        assertThat(reference).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(reference.hashCode());
        assertThat(map.toString()).isEqualTo(reference.toString());
        assertThat(map.get(probe)).isEqualTo(reference.get(probe));
        assertThat(map.containsKey(probe)).isEqualTo(reference.containsKey(probe));
        assertThat(map.headMap(probe)).isEqualTo(reference.headMap(probe));
        assertThat(map.tailMap(probe)).isEqualTo(reference.tailMap(probe));
        String low = probe.compareTo(other) <= 0 ? probe : other;
        String high = probe.compareTo(other) <= 0 ? other : probe;
        assertThat(new ArrayList<>(map.subMap(low, high).keySet()))
                .containsExactlyElementsOf(reference.subMap(low, high).keySet());
        if (!reference.isEmpty()) {
            assertThat(map.firstKey()).isEqualTo(reference.firstKey());
            assertThat(map.lastKey()).isEqualTo(reference.lastKey());
        }
        assertThat(Immutable.sortedMap(map)).isSameAs(map);
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        if (!map.isEmpty()) {
            assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(0))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
