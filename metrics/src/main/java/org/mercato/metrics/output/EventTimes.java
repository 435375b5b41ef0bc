package org.mercato.metrics.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The virtual time of every line of an event log, read as bytes: the number after the first
 * {@code "t":} of each line. A million-customer log is gigabytes; decoding it into strings to find
 * one number per line cost the report several seconds and a boxed number per event.
 */
final class EventTimes {
    private static final byte[] KEY = {'"', 't', '"', ':'};

    private EventTimes() {}

    static long[] read(Path eventLog) throws IOException {
        long[] times = new long[1024];
        int count = 0;
        byte[] buffer = new byte[1 << 16];
        int matched = 0; // bytes of KEY matched so far on this line; KEY.length once the number started
        boolean found = false;
        boolean negative = false;
        long value = 0;
        try (InputStream in = Files.newInputStream(eventLog)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (found) {
                        // the rest of the line, byte by byte in a loop of its own: most of the log
                        while (i < read && buffer[i] != '\n') {
                            i++;
                        }
                        if (i == read) {
                            break;
                        }
                    }
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (matched == KEY.length) {
                            throw new IOException("an event line ends inside its time: " + eventLog);
                        }
                        matched = 0;
                        found = false;
                    } else if (matched == KEY.length) {
                        if (b >= '0' && b <= '9') {
                            value = value * 10 + (b - '0');
                        } else if (b == '-' && value == 0 && !negative) {
                            negative = true;
                        } else {
                            if (count == times.length) {
                                times = Arrays.copyOf(times, count * 2);
                            }
                            times[count++] = negative ? -value : value;
                            found = true;
                            matched = 0;
                        }
                    } else if (b == KEY[matched]) {
                        matched++;
                        if (matched == KEY.length) {
                            value = 0;
                            negative = false;
                        }
                    } else {
                        matched = b == KEY[0] ? 1 : 0;
                    }
                }
            }
        }
        return Arrays.copyOf(times, count);
    }
}
