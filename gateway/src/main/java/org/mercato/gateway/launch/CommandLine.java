package org.mercato.gateway.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code external.command} into words the way a POSIX shell does, without running one:
 * blanks separate words, {@code '...'} keeps its text as is, {@code "..."} keeps it but for {@code
 * \"}, {@code \\}, {@code \$} and {@code \`}, and a backslash outside quotes takes the next
 * character literally. Nothing is expanded ({@code $VAR}, globs, {@code ~}) and there are no pipes or
 * redirections: the process started is the agent itself, so stopping it stops the agent. A command
 * that needs a shell says so: {@code sh -c 'cd agent && exec python3 main.py'}.
 */
public final class CommandLine {
    private CommandLine() {}

    /** The words of {@code command}; throws {@link IllegalArgumentException} with a one-line reason. */
    public static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == command.length()) {
                    throw new IllegalArgumentException("external.command ends with a lone backslash: " + command);
                }
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("external.command has an unclosed " + quote + ": " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("external.command is empty");
        }
        return List.copyOf(words);
    }
}
