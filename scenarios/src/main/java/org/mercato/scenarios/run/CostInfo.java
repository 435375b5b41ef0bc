package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.agents.llm.LlmUsage;
import org.mercato.scenarios.model.LlmPrice;

/**
 * The {@code cost} block of an LLM run's summary: model calls answered over HTTP and from the
 * record-and-replay cache, failed calls, tokens, invalid tool calls, agents that ended with {@code
 * llm-error}, and money, per agent group and per model. Money is the price table's per-million
 * prices times the tokens of HTTP calls only (a replayed answer costs nothing); null when the
 * scenario's {@code prices} do not list the model. Read from the clients after the run: none of it
 * is in the event log, which stays identical between a live run and its replay.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "httpCalls",
    "cachedCalls",
    "failedCalls",
    "inputTokens",
    "outputTokens",
    "toolErrors",
    "agentsEndedLlmError",
    "money",
    "groups",
    "models"
})
public record CostInfo(
        long httpCalls,
        long cachedCalls,
        long failedCalls,
        long inputTokens,
        long outputTokens,
        long toolErrors,
        long agentsEndedLlmError,
        Double money,
        List<Group> groups,
        Map<String, Usage> models) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"role", "index", "policy", "agents", "model", "cacheMode", "usage"})
    public record Group(
            String role, int index, String policy, int agents, String model, String cacheMode, Usage usage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "httpCalls",
        "cachedCalls",
        "failedCalls",
        "inputTokens",
        "outputTokens",
        "toolErrors",
        "agentsEndedLlmError",
        "money"
    })
    public record Usage(
            long httpCalls,
            long cachedCalls,
            long failedCalls,
            long inputTokens,
            long outputTokens,
            long toolErrors,
            long agentsEndedLlmError,
            Double money) {
        static Usage of(LlmUsage u, LlmPrice price) {
            return new Usage(
                    u.httpCalls(),
                    u.cachedCalls(),
                    u.failedCalls(),
                    u.inputTokens(),
                    u.outputTokens(),
                    u.toolErrors(),
                    u.agentsFailed(),
                    price == null ? null : round(CostInfo.money(u.httpInputTokens(), u.httpOutputTokens(), price)));
        }

        Usage plus(Usage o) {
            return new Usage(
                    httpCalls + o.httpCalls,
                    cachedCalls + o.cachedCalls,
                    failedCalls + o.failedCalls,
                    inputTokens + o.inputTokens,
                    outputTokens + o.outputTokens,
                    toolErrors + o.toolErrors,
                    agentsEndedLlmError + o.agentsEndedLlmError,
                    money == null || o.money == null ? null : round(money + o.money));
        }
    }

    /** Null when the run has no LLM group. */
    public static CostInfo of(List<LlmGroup> llmGroups, Map<String, LlmPrice> prices) {
        if (llmGroups.isEmpty()) {
            return null;
        }
        Map<String, LlmPrice> table = prices == null ? Map.of() : prices;
        List<Group> groups = new ArrayList<>();
        Map<String, Usage> models = new TreeMap<>();
        Usage total = null;
        for (LlmGroup g : llmGroups) {
            String model = g.client().identity().model();
            Usage usage = Usage.of(g.client().usage(), table.get(model));
            groups.add(new Group(
                    g.role(),
                    g.index(),
                    g.policy(),
                    g.agents(),
                    model,
                    g.client().mode().label(),
                    usage));
            models.merge(model, usage, Usage::plus);
            total = total == null ? usage : total.plus(usage);
        }
        return new CostInfo(
                total.httpCalls(),
                total.cachedCalls(),
                total.failedCalls(),
                total.inputTokens(),
                total.outputTokens(),
                total.toolErrors(),
                total.agentsEndedLlmError(),
                total.money(),
                groups,
                models);
    }

    private static double money(long input, long output, LlmPrice price) {
        return input / 1e6 * price.input() + output / 1e6 * price.output();
    }

    private static double round(double money) {
        return Math.round(money * 1e6) / 1e6;
    }
}
