package org.mercato.storefront;

/** A screenshot could not be taken; the message is one line and names what failed (e.g. chromium). */
public final class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
