package org.mercato.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the explorer. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
