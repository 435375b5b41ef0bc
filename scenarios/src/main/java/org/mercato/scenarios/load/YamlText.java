package org.mercato.scenarios.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a scenario or sweep file as UTF-8 text within the documented limits, before any YAML
 * parsing: at most {@link #MAX_FILE_BYTES} bytes and {@link #MAX_LINE_CHARS} characters on a line
 * (the YAML scanner slows down quadratically on one very long line, so a 50 MB value would take
 * minutes to refuse). {@link YamlIndex} checks {@link #MAX_VALUE_CHARS} for values spread over
 * several lines.
 */
public final class YamlText {
    /** The largest scenario or sweep file, in bytes (3 MiB, also the YAML parser's own limit). */
    public static final int MAX_FILE_BYTES = 3 * 1024 * 1024;
    /** The longest line, in characters. */
    public static final int MAX_LINE_CHARS = 16 * 1024;
    /** The longest single value (or key), in characters. */
    public static final int MAX_VALUE_CHARS = 64 * 1024;

    private YamlText() {}

    /** The file's text; a {@link ScenarioException} naming {@code file} if it cannot be used. */
    public static String read(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(source, "is a directory, not a scenario file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioException(
                        source,
                        "the file has " + size + " bytes, more than the " + MAX_FILE_BYTES
                                + " a scenario or sweep file may have");
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            checkLines(source, text);
            return text;
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(source, "cannot read: not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot read: " + Excerpt.of(e.getMessage(), 200));
        }
    }

    private static void checkLines(String source, String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new ScenarioException(
                            source,
                            line,
                            1,
                            "",
                            "the line has " + (i - start) + " characters, more than the " + MAX_LINE_CHARS
                                    + " a line may have");
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
    }
}
