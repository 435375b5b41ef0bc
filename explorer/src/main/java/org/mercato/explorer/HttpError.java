package org.mercato.explorer;

/** A request the explorer answers with an error status and a one-line {@code {"error": ...}}. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError methodNotAllowed() {
        return new HttpError(405, "only GET is served");
    }

    int status() {
        return status;
    }
}
