package org.mercato.explorer;

/** A folder the explorer cannot serve (not a run or sweep folder, unreadable tables): a one-line message. */
public final class ExplorerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExplorerException(String message) {
        super(message);
    }

    public ExplorerException(String message, Throwable cause) {
        super(message, cause);
    }
}
