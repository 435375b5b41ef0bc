package org.mercato.gateway.http;

/**
 * The clock of one request: started when the gateway's filter sees it; the handler names its
 * {@link RequestKind} and reports time spent waiting for the market, which is not gateway time.
 */
final class RequestTimer {
    static final String ATTRIBUTE = RequestTimer.class.getName();

    private final long startNanos = System.nanoTime();
    private volatile RequestKind kind = RequestKind.OTHER;
    private volatile long waitedNanos;

    void kind(RequestKind kind) {
        this.kind = kind;
    }

    RequestKind kind() {
        return kind;
    }

    /** Time spent blocked on the market (a long-poll for the next turn), left out of the handling time. */
    void waited(long nanos) {
        waitedNanos += nanos;
    }

    long handlingNanos() {
        return System.nanoTime() - startNanos - waitedNanos;
    }
}
