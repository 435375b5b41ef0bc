package org.mercato.scenarios.load;

/**
 * A scenario that cannot be used: a missing or malformed file, an unknown key, a value of the
 * wrong type or range, a bad {@code --set} override, or a policy the registry does not know.
 * {@link #getMessage()} is one line naming where the problem is, for example {@code
 * scenarios/x.yaml:12:7: agents.assistants[0].count: must be >= 0, was -3} or {@code --set
 * kernel.mode: expected one of actors, bare, got 'fast'}.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem longer than this is cut: whatever a message quotes stays short (see {@link Excerpt}). */
    static final int MAX_PROBLEM = 400;

    private final String source;
    private final int line;
    private final int column;
    private final String key;
    private final String problem;

    /**
     * @param source the file as given, or {@code --set <key>} for an override
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param key the dotted key path the problem is about, or empty
     * @param problem what is wrong
     */
    public ScenarioException(String source, int line, int column, String key, String problem) {
        super(compose(source, line, column, key, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.key = key == null ? "" : key;
        this.problem = Excerpt.of(problem, MAX_PROBLEM);
    }

    public ScenarioException(String source, String problem) {
        this(source, 0, 0, "", problem);
    }

    /** The file as given, or {@code --set <key>}. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The dotted key path, such as {@code agents.assistants[0].count}; empty when about the whole file. */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    private static String compose(String source, int line, int column, String key, String problem) {
        StringBuilder out = new StringBuilder(Excerpt.of(source, MAX_PROBLEM));
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (key != null && !key.isEmpty()) {
            out.append(Excerpt.of(key, MAX_PROBLEM)).append(": ");
        }
        return oneLine(out.append(Excerpt.of(problem, MAX_PROBLEM)).toString());
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
