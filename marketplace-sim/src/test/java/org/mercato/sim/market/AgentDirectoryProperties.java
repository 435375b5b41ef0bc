package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/**
 * The directory numbers customers first, then services, and finds every id again, among ids whose
 * hash codes collide ("Aa" and "BB" share one) as among any others; an id it does not hold is -1.
 */
class AgentDirectoryProperties {
    @Property(tries = 300)
    void findsEveryIdAndNoOther(@ForAll("ids") List<String> ids, @ForAll("ids") List<String> probes) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        List<String> all = new ArrayList<>(distinct);
        int customerCount = all.size() / 2;
        List<Customer> customers = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i < customerCount) {
                customers.add(new Customer(
                        all.get(i),
                        all.get(i),
                        "",
                        new TreeMap<>(Map.of("pizza", 1)),
                        new TreeMap<>(Map.of("pizza", 100L)),
                        new TreeSet<>(),
                        100));
            } else {
                services.add(Service.of(all.get(i), Map.of("pizza", 100L), Set.of(), 4.0, 1));
            }
        }

        AgentDirectory directory = new AgentDirectory(new Catalog(services, customers));

        assertThat(directory.size()).isEqualTo(all.size());
        for (int agent = 0; agent < all.size(); agent++) {
            assertThat(directory.idOf(agent)).isEqualTo(all.get(agent));
            assertThat(directory.indexOf(new String(all.get(agent)))).isEqualTo(agent);
            assertThat(directory.isCustomer(agent)).isEqualTo(agent < customerCount);
        }
        for (String probe : probes) {
            assertThat(directory.indexOf(probe)).isEqualTo(all.indexOf(probe));
        }
        assertThat(directory.indexOf(null)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> colliding =
                Arbitraries.of("Aa", "BB").list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> plain =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(colliding, plain).list().ofMaxSize(60);
    }
}
