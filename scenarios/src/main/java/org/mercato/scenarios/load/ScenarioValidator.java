package org.mercato.scenarios.load;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.agents.InvalidParameterException;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.UnknownPolicyException;
import org.mercato.scenarios.magentic.MagenticFormatException;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ScenarioWiring;

/**
 * Checks what the schema cannot: that every agent group names a registered policy with valid
 * parameters, and that the scenario wires into a runnable setup (group counts add up, the market
 * domain is known, the explicit catalog is consistent, a Magentic dataset folder reads cleanly). Problems become {@link ScenarioException}s
 * naming the key, and the file location or {@code --set} override when the scenario was loaded.
 */
public final class ScenarioValidator {
    private static final Pattern GROUP_PROBLEM =
            Pattern.compile("(?:(assistant|service) groups ask|at most one (assistant|service) group"
                    + "|\\d+ (assistant|service)s have no group).*");

    private final PolicyRegistry registry;

    public ScenarioValidator(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** Validates a scenario built in code; messages name the key but no file. */
    public void validate(Scenario scenario) {
        validate(scenario, Locator.KEYS_ONLY);
    }

    void validate(Scenario scenario, Locator where) {
        checkGroups(
                KeyPath.of("agents", "assistants"),
                scenario.agents().assistants(),
                registry.assistantNames(),
                (policy, params) -> registry.assistant(policy, params),
                where);
        checkGroups(
                KeyPath.of("agents", "services"),
                scenario.agents().services(),
                registry.serviceNames(),
                (policy, params) -> registry.service(policy, params),
                where);
        try {
            ScenarioWiring.withoutModelCalls(registry).setup(scenario);
        } catch (MagenticFormatException e) {
            throw where.error(KeyPath.of("market", "magentic"), Locator.At.VALUE, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw where.error(pathOf(e.getMessage()), Locator.At.BEST, String.valueOf(e.getMessage()));
        }
    }

    private static void checkGroups(
            KeyPath groupsPath,
            List<AgentGroupConfig> groups,
            Set<String> known,
            BiConsumer<String, java.util.Map<String, Object>> factory,
            Locator where) {
        for (int i = 0; i < groups.size(); i++) {
            AgentGroupConfig group = groups.get(i);
            KeyPath groupPath = groupsPath.index(i);
            if (group.llm() == null && PolicyRegistry.isLlmPolicy(group.policy())) {
                throw where.error(
                        groupPath.child("policy"),
                        Locator.At.VALUE,
                        "policy '" + group.policy() + "' needs an llm section (provider, baseUrl, model, ...)");
            }
            try {
                factory.accept(group.policy(), group.params());
            } catch (UnknownPolicyException e) {
                throw where.error(
                        groupPath.child("policy"),
                        Locator.At.VALUE,
                        e.getMessage() + Suggestions.hint(group.policy(), known));
            } catch (InvalidParameterException e) {
                String prefix = "policy '" + group.policy() + "', parameter '" + e.key() + "': ";
                String problem = e.getMessage().startsWith(prefix)
                        ? e.getMessage().substring(prefix.length()) + " (policy '" + group.policy() + "')"
                        : e.getMessage();
                boolean given = group.params().containsKey(e.key());
                throw where.error(
                        given ? groupPath.child("params").child(e.key()) : groupPath.child("params"),
                        given && problem.startsWith("unknown parameter") ? Locator.At.KEY : Locator.At.BEST,
                        problem);
            } catch (IllegalArgumentException e) {
                throw where.error(groupPath, Locator.At.BEST, "policy '" + group.policy() + "': " + e.getMessage());
            }
        }
    }

    /** The key a wiring problem is about, recognised from its message; the market otherwise. */
    private static KeyPath pathOf(String message) {
        if (message == null) {
            return KeyPath.of("market");
        }
        if (message.startsWith("unknown market domain")) {
            return KeyPath.of("market", "generate", "domain");
        }
        Matcher m = GROUP_PROBLEM.matcher(message);
        if (m.matches()) {
            String role = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return KeyPath.of("agents", role + "s");
        }
        return KeyPath.of("market");
    }
}
