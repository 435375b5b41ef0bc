package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.PolicyParams;
import org.mercato.sim.policy.AssistantPolicy;

/** The registry is the list of the policies' own entries: names, kinds and allowed keys come from them. */
class PolicyRegistryTest {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    /** The keys each built-in policy took when the registry parsed them all centrally. */
    private static final Map<String, Set<String>> KEYS = new TreeMap<>(Map.ofEntries(
            keys("rational", "inquiries patience memory"),
            keys("satisficer", "inquiries patience minUtility memory"),
            keys("budgeted", "pages inquiries patience memory"),
            keys(
                    "logit",
                    "rank row column logPrice rating logReviews sponsored overallPick scarcity tactics price outside intercepts"
                            + " patience memory"),
            keys("attention-bounded", "noise exponent patience memory"),
            keys("susceptible", "inquiries patience susceptibility memory"),
            keys("negotiator", "target reservation rounds patience memory"),
            keys("posted-price", "validity tactic rewrite"),
            keys("cost-plus", "markup validity tactic"),
            keys("undercut", "step floor validity tactic"),
            keys("dynamic", "up down min max validity tactic"),
            keys("negotiable", "floor validity tactic"),
            keys("llm-service", "validity")));

    private static Map.Entry<String, Set<String>> keys(String policy, String keys) {
        return Map.entry(policy, new TreeSet<>(List.of(keys.split(" "))));
    }

    @Test
    void theNameListsAreThoseOfTheEntries() {
        assertThat(REGISTRY.assistantNames())
                .containsExactly(
                        "attention-bounded",
                        "budgeted",
                        "llm-assistant",
                        "logit",
                        "negotiator",
                        "rational",
                        "satisficer",
                        "susceptible");
        assertThat(REGISTRY.serviceNames())
                .containsExactly("cost-plus", "dynamic", "llm-service", "negotiable", "posted-price", "undercut");
        assertThat(REGISTRY.assistantEntries().keySet()).isEqualTo(REGISTRY.assistantNames());
        REGISTRY.assistantEntries()
                .forEach((name, entry) -> assertThat(entry.name()).isEqualTo(name));
        REGISTRY.serviceEntries()
                .forEach((name, entry) -> assertThat(entry.name()).isEqualTo(name));
    }

    @Test
    void behaviouralAndLlmAreDerivedFromTheEntries() {
        for (String name : union(REGISTRY.assistantNames(), REGISTRY.serviceNames())) {
            boolean llm = name.startsWith("llm-");
            assertThat(PolicyRegistry.isLlmPolicy(name)).as(name).isEqualTo(llm);
            assertThat(PolicyRegistry.isBehaviouralBuiltIn(name)).as(name).isEqualTo(!llm);
        }
        assertThat(PolicyRegistry.LLM_ASSISTANT).isEqualTo("llm-assistant");
        assertThat(PolicyRegistry.LLM_SERVICE).isEqualTo("llm-service");
        for (String other : List.of("greedy", "com.example.MyShopper", "")) {
            assertThat(PolicyRegistry.isLlmPolicy(other)).isFalse();
            assertThat(PolicyRegistry.isBehaviouralBuiltIn(other)).isFalse();
        }
    }

    @Test
    void everyPolicyWithDeclaredKeysRejectsAnUnknownOneNamingTheAllowedKeys() {
        Map<String, Set<String>> declared = new TreeMap<>();
        REGISTRY.assistantEntries().forEach((name, entry) -> {
            if (entry.keys() != null) {
                declared.put(name, entry.allowedKeys());
                assertRejectsUnknown(() -> REGISTRY.assistant(name, Map.of("bogus", 1)), name, entry.allowedKeys());
            }
        });
        REGISTRY.serviceEntries().forEach((name, entry) -> {
            if (entry.keys() != null) {
                declared.put(name, entry.allowedKeys());
                assertRejectsUnknown(() -> REGISTRY.service(name, Map.of("bogus", 1)), name, entry.allowedKeys());
            }
        });
        assertThat(declared).isEqualTo(KEYS);
    }

    private static void assertRejectsUnknown(Runnable create, String name, Set<String> allowed) {
        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.key()).isEqualTo("bogus"))
                .hasMessage("policy '" + name + "', parameter 'bogus': unknown parameter; allowed: " + allowed);
    }

    @Test
    void theLlmPoliciesAreCheckedWithoutModelSettingsButNeedThemToMakeAnAgent() {
        var assistants = REGISTRY.assistant("llm-assistant", Map.of("inquiries", 3));
        var services = REGISTRY.service("llm-service", Map.of("validity", "1s"));
        assertThatThrownBy(assistants::get)
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.key()).isEqualTo("llm"))
                .hasMessageContaining("needs an llm section");
        assertThatThrownBy(services::get).hasMessageContaining("needs an llm section");
    }

    @Test
    void oneEntryRegistersAPolicyWithItsNameAndKeys() {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        registry.registerAssistant(PolicyEntry.behavioural("patient", List.of("patience"), (PolicyParams params) -> {
            params.micros("patience", 1_000_000);
            Supplier<AssistantPolicy> policy = () -> (observation, context) -> List.of();
            return policy;
        }));
        assertThat(registry.assistantNames()).contains("patient");
        assertThat(registry.assistant("patient", Map.of("patience", "2s")).get())
                .isNotNull();
        assertRejectsUnknown(() -> registry.assistant("patient", Map.of("bogus", 1)), "patient", Set.of("patience"));
        assertThatThrownBy(() -> registry.assistant("nobody", Map.of()))
                .isInstanceOf(UnknownPolicyException.class)
                .hasMessageContaining("patient");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
