package org.mercato.agents.llm;

import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.WriteReview;

/**
 * The text of a customer's review, written by its assistant's model when the market asks for one
 * ({@link OrderDelivered#reviewText()}): one turn of a fresh conversation whose only tool is {@code
 * review}, told the order, the delivered quality and the stars the market drew, so the text agrees
 * with them. The request depends only on the customer and the delivery, so a recorded answer
 * replays. The turn counts against the run's budget like any other; a failed one is counted as
 * the agent's failure and writes no text.
 */
final class LlmReviewWriter {
    static final String SYSTEM = "You are the shopping assistant of customer %s, whose request was: %s\n"
            + "One of its orders has been delivered and the customer reviews the seller with the stars given."
            + " Write the text the customer posts with these stars: one to three short sentences that agree"
            + " with the stars and the delivered quality. Call the tool review with the text.";
    static final List<LlmTool> TOOLS = List.of(new LlmTool(
            "review",
            "Post the review's text.",
            List.of(new LlmTool.Param("text", "string", "the review text", true))));

    private LlmReviewWriter() {}

    /** The {@link WriteReview} for the delivered order; empty when the model failed or a bound was reached. */
    static List<AssistantAction> write(
            LlmAgentSettings settings, Customer customer, OrderDelivered delivered, AgentContext context) {
        LlmConversation<AssistantAction> chat = new LlmConversation<>(settings, TOOLS);
        chat.system(SYSTEM.formatted(customer.id(), customer.request()));
        chat.observe(prompt(delivered));
        var outcome = chat.turn(
                (tool, args) -> {
                    if (!tool.equals("review")) {
                        throw new LlmConversation.InvalidCall("unknown tool '" + tool + "'; tools: [review]");
                    }
                    return List.of(new WriteReview(delivered.proposal(), LlmConversation.text(args, "text")));
                },
                LlmConversation.TurnAt.of(context, "assistant " + context.self() + " review", "review"));
        if (outcome instanceof LlmConversation.Actions<AssistantAction> actions) {
            return actions.actions();
        }
        if (outcome instanceof LlmConversation.Failed<AssistantAction> failed) {
            chat.agentFailed(failed);
        }
        return List.of();
    }

    /** The user message: the order, its delivered quality and the stars. */
    static String prompt(OrderDelivered delivered) {
        return "Order " + delivered.proposal() + " from " + delivered.service() + " was delivered at quality "
                + PastOrders.quality(delivered.quality()) + " (1.00 = as listed, 0.00 = worthless). The customer"
                + " gives it " + delivered.stars() + " of 5 stars.";
    }
}
