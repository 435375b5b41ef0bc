package org.mercato.sim.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes each event as one JSON line. The caller owns atomic placement of the file. */
public final class JsonlEventWriter implements EventSink {
    private final Writer writer;
    private final StringBuilder line = new StringBuilder(256);

    public JsonlEventWriter(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void accept(LoggedEvent event) {
        line.setLength(0);
        event.writeJson(line);
        line.append('\n');
        try {
            writer.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event log", e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event log", e);
        }
    }
}
