package org.mercato.metrics.output;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the catalog says about each customer and service that the event log does not carry: names,
 * texts and the agent group (index in the scenario's {@code agents.assistants} or {@code
 * agents.services}, with its policy) that acts for it. The {@code customers} and {@code services}
 * tables join it to the {@code customer} and {@code service} events by id; {@link #NONE} leaves
 * these columns null (tables rebuilt from a saved log alone).
 */
public record RunCatalog(Map<String, CustomerInfo> customers, Map<String, ServiceInfo> services) {
    public static final RunCatalog NONE = new RunCatalog(Map.of(), Map.of());

    public RunCatalog {
        customers = Map.copyOf(customers);
        services = Map.copyOf(services);
    }

    public static RunCatalog of(List<CustomerInfo> customers, List<ServiceInfo> services) {
        return new RunCatalog(
                customers.stream().collect(Collectors.toMap(CustomerInfo::id, Function.identity())),
                services.stream().collect(Collectors.toMap(ServiceInfo::id, Function.identity())));
    }

    /** A customer's name, request and persona text, and the assistant group shopping for it. */
    public record CustomerInfo(String id, String name, String request, String persona, int group, String policy) {}

    /** A service's name and listing description (as shown, after any rewrite), and its seller group. */
    public record ServiceInfo(String id, String name, String description, int group, String policy) {}
}
