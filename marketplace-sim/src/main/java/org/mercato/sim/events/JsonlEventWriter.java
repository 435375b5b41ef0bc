package org.mercato.sim.events;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes each event as one JSON line in UTF-8. Lines are encoded straight from the builder into
 * a byte buffer (ASCII takes the fast path), since the log is on the kernel's critical path. The
 * caller owns atomic placement of the file; closing the writer closes the stream. A {@code tap},
 * when given, gets every event with its line (the result tables store it without encoding it
 * again).
 */
public final class JsonlEventWriter implements EventSink {
    private final OutputStream out;
    private final EventLineSink tap;
    private final StringBuilder line = new StringBuilder(256);
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    public JsonlEventWriter(OutputStream out) {
        this(out, null);
    }

    public JsonlEventWriter(OutputStream out, EventLineSink tap) {
        this.out = out;
        this.tap = tap;
    }

    @Override
    public void accept(LoggedEvent event) {
        line.setLength(0);
        event.writeJson(line);
        if (tap != null) {
            tap.accept(event, line);
        }
        line.append('\n');
        try {
            encode(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event log", e);
        }
    }

    private void encode(CharSequence text) throws IOException {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (used + 4 > buffer.length) {
                flushBuffer();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xc0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[used++] = (byte) (0xf0 | cp >> 18);
                buffer[used++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buffer[used++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buffer[used++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                buffer[used++] = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
            } else {
                buffer[used++] = (byte) (0xe0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3f);
                buffer[used++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void close() {
        try {
            flushBuffer();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event log", e);
        }
    }
}
