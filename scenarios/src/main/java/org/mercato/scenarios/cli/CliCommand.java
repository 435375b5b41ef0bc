package org.mercato.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.ScenarioException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shared shape of Mercato's commands. Parse errors are collected rather than thrown, so a bad
 * option is reported as one {@code error:} line with exit code 2 however the {@code CommandLine}
 * was built; a {@link ScenarioException} is bad input too (2); anything else that goes wrong is a
 * failed run (1). No stack trace is ever printed.
 */
abstract class CliCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    /** The longest error line: whatever an exception's message quotes, the console gets one short line. */
    static final int MAX_ERROR = 1_000;

    CommandSpec spec;

    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().collectErrors(true);
    }

    /** Runs the command once its arguments parsed cleanly. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        List<Exception> errors = spec.commandLine().getParseResult().errors();
        if (!errors.isEmpty()) {
            return error(BAD_INPUT, describeParseError(errors.get(0)) + " (see '" + spec.qualifiedName() + " --help')");
        }
        try {
            return execute();
        } catch (ScenarioException e) {
            return error(BAD_INPUT, e.getMessage());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return error(FAILED, describe(e));
        }
    }

    /** The one-line description of a command-line parse error. */
    String describeParseError(Exception e) {
        return lowerFirst(e.getMessage());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    int error(int code, String message) {
        out().flush();
        err().println("error: " + Excerpt.of(message, MAX_ERROR));
        err().flush();
        return code;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String lowerFirst(String text) {
        return text == null || text.isEmpty()
                ? "bad arguments"
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
