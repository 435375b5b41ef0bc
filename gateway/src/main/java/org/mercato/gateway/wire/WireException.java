package org.mercato.gateway.wire;

/** An outside agent's action the wire format cannot take; the message is one line naming action and key. */
public final class WireException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }
}
