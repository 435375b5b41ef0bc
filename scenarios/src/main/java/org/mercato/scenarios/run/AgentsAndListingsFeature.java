package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.SyntheticWork;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmListingRewrite;
import org.mercato.agents.service.ListingRewrite;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.ServiceConfig;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.ResponseTime;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents of a run and what they change in the listings: the assistant and service groups take
 * customers and services in catalog order (a group without {@code count} takes the rest), each agent
 * gets its group's policy (with the group's model settings, see {@link LlmFeature}), think time and
 * synthetic work; a service answers at its own latency or response-time profile when it has one. A
 * service group's {@code rewrite} parameter ({@code keywords}: {@link ListingRewrite}; {@code llm}:
 * {@link LlmListingRewrite} with the group's llm section, one call per service) and then its {@code
 * tactic} (see {@link Tactic}: the template appended to the description, its label as the service's
 * {@code tactic}, so the log's {@code service} event names it) change the group's listings.
 */
public final class AgentsAndListingsFeature implements RunFeature {
    private static final Logger log = LoggerFactory.getLogger(AgentsAndListingsFeature.class);

    @Override
    public void wireMarket(MarketWiring market) {
        Scenario scenario = market.scenario();
        PolicyRegistry registry = market.environment().registry();
        Catalog catalog = market.catalog();
        Map<String, ThinkTime> latencies = latencies(scenario.market());
        int groupIndex = 0;
        int nextCustomer = 0;
        for (Assignment group : assign(
                "assistant", scenario.agents().assistants(), catalog.customers().size())) {
            AgentGroupConfig config = group.config();
            int index = groupIndex++;
            List<String> ids = ids(catalog.customers(), nextCustomer, group.count(), Customer::id);
            nextCustomer += group.count();
            Supplier<AssistantPolicy> factory = ExternalFeature.isExternal(config)
                    ? market.external().assistants(index, config, ids)
                    : registry.assistant(
                            config.policy(),
                            config.params(),
                            market.llm().agentSettings("assistant", index, config, group.count()));
            ThinkTime think = config.thinkTime().toModel();
            int work = config.syntheticWorkOrZero();
            for (int i = 0; i < group.count(); i++) {
                market.addAssistant(new SimulationSetup.Agent<>(SyntheticWork.around(factory.get(), work), think));
            }
        }
        List<Service> services = new ArrayList<>(catalog.services());
        boolean rewritten = false;
        int next = 0;
        groupIndex = 0;
        for (Assignment group : assign(
                "service", scenario.agents().services(), catalog.services().size())) {
            AgentGroupConfig config = group.config();
            int index = groupIndex++;
            List<String> ids = ids(catalog.services(), next, group.count(), Service::id);
            Supplier<ServicePolicy> factory = ExternalFeature.isExternal(config)
                    ? market.external().services(index, config, ids)
                    : registry.service(
                            config.policy(),
                            config.params(),
                            market.llm().agentSettings("service", index, config, group.count()));
            ThinkTime think = config.thinkTime().toModel();
            int work = config.syntheticWorkOrZero();
            PolicyParams params = new PolicyParams(config.policy(), config.params());
            Tactic tactic = PolicyRegistry.tactic(params);
            String rewrite = config.params().containsKey("rewrite") ? PolicyRegistry.rewrite(params) : "none";
            LlmClient rewriter = rewrite.equals("llm") ? rewriteClient(market, group, index) : null;
            for (int i = 0; i < group.count(); i++) {
                int at = next++;
                Service service = catalog.services().get(at);
                if (!rewrite.equals("none")) {
                    service = rewriter == null
                            ? ListingRewrite.keywords(service, requests(catalog))
                            : modelRewrite(rewriter, service, requests(catalog));
                    services.set(at, service);
                    rewritten = true;
                }
                if (tactic != Tactic.CONTROL) {
                    services.set(
                            at,
                            service.withDescription(tactic.decorate(service.description()))
                                    .withTactic(tactic.label()));
                    rewritten = true;
                }
                ThinkTime speed = latencies.getOrDefault(service.id(), responseTime(service, think));
                market.addSeller(new SimulationSetup.Agent<>(SyntheticWork.around(factory.get(), work), speed));
            }
        }
        if (rewritten) {
            market.catalog(new Catalog(services, catalog.customers()));
        }
    }

    /** The ids of a group's {@code count} agents from {@code from} on, for an external group. */
    private static <T> List<String> ids(List<T> all, int from, int count, java.util.function.Function<T, String> id) {
        return all.subList(from, from + count).stream().map(id).toList();
    }

    /**
     * The client for a group's {@code rewrite: llm}, from its llm section (active for this even when
     * the policy is behavioural); null when model calls are off (a scenario only checked).
     */
    private static LlmClient rewriteClient(MarketWiring market, Assignment group, int index) {
        LlmConfig llm = group.config().llm();
        if (llm == null) {
            throw new WiringException(
                    KeyPath.of("agents", "services", index, "params", "rewrite"),
                    "'llm' needs an llm section (baseUrl, model, ...) in the group");
        }
        if (!market.environment().modelCalls()) {
            return null;
        }
        return market.llm().client(llm, "service", index, group.config().policy() + " rewrite", group.count());
    }

    /** The model's rewrite; a failed call leaves the listing as it was (logged). */
    private static Service modelRewrite(LlmClient client, Service service, List<String> requests) {
        try {
            return LlmListingRewrite.rewrite(client, service, requests);
        } catch (LlmException e) {
            log.warn("listing rewrite of {} failed, keeping its description: {}", service.id(), e.getMessage());
            return service;
        }
    }

    private static List<String> requests(Catalog catalog) {
        return catalog.customers().stream().map(c -> c.request()).toList();
    }

    /** A service's own response-time profile, if the catalog gives one, else its group's think time. */
    private static ThinkTime responseTime(Service service, ThinkTime groupThinkTime) {
        ResponseTime profile = service.responseTime();
        return profile == null
                ? groupThinkTime
                : new ThinkTime.LogNormal(profile.min(), profile.median(), profile.sigma());
    }

    private static Map<String, ThinkTime> latencies(MarketConfig market) {
        Map<String, ThinkTime> latencies = new TreeMap<>();
        if (market.services() != null) {
            for (ServiceConfig s : market.services()) {
                if (s.latency() != null) {
                    latencies.put(s.id(), s.latency().toModel());
                }
            }
        }
        return latencies;
    }

    record Assignment(AgentGroupConfig config, int count) {}

    /** The groups of {@code agents.<role>s} with their counts; at most one group leaves out its count. */
    static List<Assignment> assign(String role, List<AgentGroupConfig> groups, int agents) {
        KeyPath key = KeyPath.of("agents", role + "s");
        int left = agents;
        int open = 0;
        for (AgentGroupConfig group : groups) {
            if (group.count() == null) {
                open++;
            } else {
                left -= group.count();
            }
        }
        if (left < 0) {
            throw new WiringException(
                    key, role + " groups ask for " + (agents - left) + " agents but the market has " + agents);
        }
        if (open > 1) {
            throw new WiringException(key, "at most one " + role + " group may leave out count");
        }
        if (open == 0 && left > 0) {
            throw new WiringException(key, left + " " + role + "s have no group: give one group no count");
        }
        List<Assignment> out = new ArrayList<>();
        for (AgentGroupConfig group : groups) {
            out.add(new Assignment(group, group.count() == null ? left : group.count()));
        }
        return out;
    }
}
