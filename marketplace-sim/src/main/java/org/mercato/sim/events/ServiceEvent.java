package org.mercato.sim.events;

import org.mercato.sim.domain.Service;

/**
 * A service opened for business with this menu and these amenities; {@code tactic} only when its
 * seller uses a manipulation tactic (so logs without tactics keep their bytes).
 */
public record ServiceEvent(Service service) implements Event {
    @Override
    public String type() {
        return "service";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("id", service.id())
                .prices("menu", service.menu())
                .strings("amenities", service.amenities())
                .field("rating", service.rating())
                .field("reviews", service.reviewCount())
                .prices("unit_costs", service.unitCosts())
                .field("capacity", service.capacity());
        if (service.tactic() != null) {
            out.field("tactic", service.tactic());
        }
    }
}
