package org.mercato.sim.events;

import java.util.List;

/**
 * A pricing period under agent demand ended: for each service (in firm order) the price in effect
 * in it, the units sold and the profit, prices and profits in cents (written as amounts).
 */
public record PricingPeriodEvent(
        int period, List<String> services, List<Long> prices, List<Long> sales, List<Long> profits) implements Event {
    public PricingPeriodEvent {
        services = List.copyOf(services);
        prices = List.copyOf(prices);
        sales = List.copyOf(sales);
        profits = List.copyOf(profits);
    }

    @Override
    public String type() {
        return "pricing_period";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("period", period)
                .strings("services", services)
                .amounts("prices", prices)
                .integers("sales", sales)
                .amounts("profits", profits);
    }
}
