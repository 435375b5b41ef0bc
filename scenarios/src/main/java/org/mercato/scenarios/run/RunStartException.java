package org.mercato.scenarios.run;

import java.io.IOException;

/** The run could not start (its outside agents never connected): one line saying what and how to fix it. */
public final class RunStartException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunStartException(String message) {
        super(message);
    }
}
