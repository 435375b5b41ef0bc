package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import org.mercato.metrics.output.RunCatalog;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/**
 * The catalog columns of a run's {@code customers} and {@code services} tables: each customer's and
 * service's texts as the run's (final, rewritten) catalog has them, and the agent group that acts
 * for it, assigned in catalog order as {@link AgentsAndListingsFeature} does.
 */
final class RunCatalogs {
    private RunCatalogs() {}

    static RunCatalog of(Scenario scenario, Catalog catalog) {
        List<RunCatalog.CustomerInfo> customers = new ArrayList<>();
        int next = 0;
        int group = 0;
        for (var assignment : AgentsAndListingsFeature.assign(
                "assistant", scenario.agents().assistants(), catalog.customers().size())) {
            for (int i = 0; i < assignment.count(); i++) {
                Customer c = catalog.customers().get(next++);
                customers.add(new RunCatalog.CustomerInfo(
                        c.id(),
                        c.name(),
                        c.request(),
                        c.persona(),
                        group,
                        assignment.config().policy()));
            }
            group++;
        }
        List<RunCatalog.ServiceInfo> services = new ArrayList<>();
        next = 0;
        group = 0;
        for (var assignment : AgentsAndListingsFeature.assign(
                "service", scenario.agents().services(), catalog.services().size())) {
            for (int i = 0; i < assignment.count(); i++) {
                Service s = catalog.services().get(next++);
                services.add(new RunCatalog.ServiceInfo(
                        s.id(),
                        s.name(),
                        s.description(),
                        group,
                        assignment.config().policy()));
            }
            group++;
        }
        return RunCatalog.of(customers, services);
    }
}
