package org.mercato.gateway.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway records the requests it refused (wrong or missing token, another group's
 * agent, oversized or malformed requests). The record never holds the token.
 */
@FunctionalInterface
public interface GatewayAudit {
    void refused(Refusal refusal);

    /** One refused request: HTTP status, method and path, the group whose token came (if any), and why. */
    record Refusal(int status, String method, String path, String group, String reason) {
        /** One line in the style of the event log's {@code rejected} records. */
        public String line() {
            return "rejected " + method + " " + path + " status=" + status + " group=" + (group == null ? "-" : group)
                    + " reason=" + reason;
        }
    }

    /** Records each refusal as a warning of the SLF4J logger {@code mercato.gateway} (run.log). */
    static GatewayAudit toLog() {
        Logger log = LoggerFactory.getLogger("mercato.gateway");
        return refusal -> log.warn("{}", refusal.line());
    }
}
