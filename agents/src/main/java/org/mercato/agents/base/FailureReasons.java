package org.mercato.agents.base;

/**
 * The reasons the run gives an agent it ended or silenced ({@code llm-error}, {@code limit:...},
 * {@code external-...}), which count the agent as failed; a text an agent chose itself (a model's
 * or an outside agent's {@code done} reason or reply) that reads like one is marked so it is not
 * taken for one.
 */
public final class FailureReasons {
    private FailureReasons() {}

    /** Whether {@code text} reads like a failure reason of the run's own making. */
    public static boolean looksLikeFailure(String text) {
        return text.equals("llm-error") || text.startsWith("limit:") || text.startsWith("external-");
    }

    /** {@code text}, prefixed with {@code marker} (such as {@code model:}) when it reads like a failure reason. */
    public static String marked(String marker, String text) {
        return looksLikeFailure(text) ? marker + text : text;
    }
}
