package org.mercato.agents.assistant;

import org.mercato.agents.base.PolicyParams;

/** The parameters several assistants take, with their defaults written once. */
final class SharedParams {
    private SharedParams() {}

    /** How long an assistant waits for answers before deciding with what it has (5 s when not given). */
    static long patience(PolicyParams params) {
        return params.micros("patience", 5_000_000);
    }

    /** How many services an inquiring assistant asks (3 when not given). */
    static int inquiries(PolicyParams params) {
        return params.positiveInt("inquiries", 3);
    }
}
