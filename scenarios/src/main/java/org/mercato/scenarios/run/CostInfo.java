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
 * llm-error}, and money, per agent group and per model. With prefetching, {@code prefetched} counts
 * the HTTP calls answered by a request sent ahead, and {@code wasted} (with its tokens) the
 * speculative calls whose answer nobody used; with screenshots, {@code images} counts the images
 * the answered calls showed and {@code imageTokens} their estimated input tokens (included in
 * {@code inputTokens} when a server reports none), {@code screenshotsRendered} the pages Chromium
 * rendered in this run and {@code screenshotsCached} those served from memory or the screenshots
 * folder instead; these keys appear only when nonzero. Money is the
 * price table's per-million prices times the tokens of HTTP calls, wasted ones included (a
 * replayed answer costs nothing); null when the scenario's {@code prices} do not list the model. Read from the clients after the run: none of it
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
    "prefetched",
    "wasted",
    "wastedInputTokens",
    "wastedOutputTokens",
    "images",
    "imageTokens",
    "screenshotsRendered",
    "screenshotsCached",
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
        Long prefetched,
        Long wasted,
        Long wastedInputTokens,
        Long wastedOutputTokens,
        Long images,
        Long imageTokens,
        Long screenshotsRendered,
        Long screenshotsCached,
        Double money,
        List<Group> groups,
        Map<String, Usage> models) {

    /** Speculative calls sent and never used (0 when none; the field is null then). */
    public long wastedCalls() {
        return wasted == null ? 0 : wasted;
    }

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
        "prefetched",
        "wasted",
        "wastedInputTokens",
        "wastedOutputTokens",
        "images",
        "imageTokens",
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
            Long prefetched,
            Long wasted,
            Long wastedInputTokens,
            Long wastedOutputTokens,
            Long images,
            Long imageTokens,
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
                    nonZero(u.prefetchedCalls()),
                    nonZero(u.wastedCalls()),
                    nonZero(u.wastedInputTokens()),
                    nonZero(u.wastedOutputTokens()),
                    nonZero(u.images()),
                    nonZero(u.imageTokens()),
                    price == null
                            ? null
                            : round(CostInfo.money(
                                    u.httpInputTokens() + u.wastedInputTokens(),
                                    u.httpOutputTokens() + u.wastedOutputTokens(),
                                    price)));
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
                    sum(prefetched, o.prefetched),
                    sum(wasted, o.wasted),
                    sum(wastedInputTokens, o.wastedInputTokens),
                    sum(wastedOutputTokens, o.wastedOutputTokens),
                    sum(images, o.images),
                    sum(imageTokens, o.imageTokens),
                    money == null || o.money == null ? null : round(money + o.money));
        }

        private static Long sum(Long a, Long b) {
            return nonZero((a == null ? 0 : a) + (b == null ? 0 : b));
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
                total.prefetched(),
                total.wasted(),
                total.wastedInputTokens(),
                total.wastedOutputTokens(),
                total.images(),
                total.imageTokens(),
                null,
                null,
                total.money(),
                groups,
                models);
    }

    /** This block with the run's screenshot counts, each shown only when nonzero. */
    public CostInfo withScreenshots(long rendered, long cached) {
        return new CostInfo(
                httpCalls,
                cachedCalls,
                failedCalls,
                inputTokens,
                outputTokens,
                toolErrors,
                agentsEndedLlmError,
                prefetched,
                wasted,
                wastedInputTokens,
                wastedOutputTokens,
                images,
                imageTokens,
                nonZero(rendered),
                nonZero(cached),
                money,
                groups,
                models);
    }

    private static double money(long input, long output, LlmPrice price) {
        return input / 1e6 * price.input() + output / 1e6 * price.output();
    }

    /** Null for zero, so runs without prefetching keep their old cost block. */
    private static Long nonZero(long n) {
        return n == 0 ? null : n;
    }

    private static double round(double money) {
        return Math.round(money * 1e6) / 1e6;
    }
}
