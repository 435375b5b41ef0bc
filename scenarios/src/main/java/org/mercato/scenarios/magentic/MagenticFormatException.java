package org.mercato.scenarios.magentic;

/**
 * A Magentic dataset folder that cannot be imported. The message is one line naming the file (and
 * the line and column when known), the field and what is wrong, for example {@code
 * data/x/businesses/b1.yaml:5:9: rating: expected a number, got text 'high'}.
 */
public final class MagenticFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param file the file or folder the problem is in, as given
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param field the field the problem is about, such as {@code menu_features['Tacos']}, or empty
     * @param problem what is wrong
     */
    public MagenticFormatException(String file, int line, int column, String field, String problem) {
        super(compose(file, line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    public MagenticFormatException(String file, String problem) {
        this(file, 0, 0, "", problem);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String compose(String file, int line, int column, String field, String problem) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (field != null && !field.isEmpty()) {
            out.append(field).append(": ");
        }
        return out.append(problem).toString().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
