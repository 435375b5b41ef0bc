package org.mercato.scenarios.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.domain.Service;
import org.mercato.sim.random.Seeds;

/**
 * The over-promising sellers: each service is one with probability {@code share}, drawn from its
 * own stream ({@code market/quality/<serviceId>}), so adding services leaves the earlier choices
 * unchanged.
 */
public final class Sellers {
    private Sellers() {}

    /** The catalog indexes of the over-promisers among {@code services}, in catalog order. */
    public static List<Integer> overPromisers(long seed, List<Service> services, double share) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            if (Seeds.derive(seed, "market/quality/" + services.get(i).id()).nextDouble() < share) {
                chosen.add(i);
            }
        }
        return chosen;
    }
}
