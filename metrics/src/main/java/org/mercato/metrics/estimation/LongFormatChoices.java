package org.mercato.metrics.estimation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads choice data in long format from a CSV file with a header: one row per alternative, a
 * column naming the choice set, a 0/1 column marking the chosen alternative, optionally a cluster
 * column, and numeric covariates (all remaining columns unless named). Sets keep the order in
 * which they first appear.
 */
public final class LongFormatChoices {
    /** The covariate names and the choice sets, ready for {@link ConditionalLogit#fit}. */
    public record Data(List<String> covariates, List<ChoiceSet> sets) {}

    private LongFormatChoices() {}

    public static Data read(
            Path csv, String setColumn, String chosenColumn, String clusterColumn, List<String> covariates)
            throws IOException {
        return read(csv, setColumn, chosenColumn, clusterColumn, covariates, List.of());
    }

    /** As above; without named covariates, every column but these and {@code ignored} is one. */
    public static Data read(
            Path csv,
            String setColumn,
            String chosenColumn,
            String clusterColumn,
            List<String> covariates,
            List<String> ignored)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(csv + ": the file is empty");
            }
            List<String> columns = split(header);
            int set = column(csv, columns, setColumn, "--set");
            int chosen = column(csv, columns, chosenColumn, "--chosen");
            int cluster = clusterColumn == null ? -1 : column(csv, columns, clusterColumn, "--cluster");
            List<String> names = covariates == null || covariates.isEmpty()
                    ? remaining(columns, ignored, setColumn, chosenColumn, clusterColumn)
                    : covariates;
            int[] index = new int[names.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = column(csv, columns, names.get(i), "--covariates");
            }
            Map<String, Builder> sets = new LinkedHashMap<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            csv + ":" + lineNumber + ": expected " + columns.size() + " fields, found " + cells.size());
                }
                double[] x = new double[index.length];
                for (int i = 0; i < index.length; i++) {
                    x[i] = number(csv, lineNumber, names.get(i), cells.get(index[i]));
                }
                double flag = number(csv, lineNumber, chosenColumn, cells.get(chosen));
                if (flag != 0 && flag != 1) {
                    throw new IllegalArgumentException(
                            csv + ":" + lineNumber + ": column " + chosenColumn + " must be 0 or 1, was " + flag);
                }
                String id = cells.get(set);
                Builder builder = sets.computeIfAbsent(id, k -> new Builder());
                builder.cluster = cluster < 0 ? id : cells.get(cluster);
                builder.add(x, flag == 1, csv, lineNumber, id);
            }
            List<ChoiceSet> out = new ArrayList<>(sets.size());
            for (var entry : sets.entrySet()) {
                out.add(entry.getValue().build(csv, entry.getKey()));
            }
            return new Data(List.copyOf(names), out);
        }
    }

    /**
     * {@code data} as a CSV that {@link #read} reads back to the same values: the header {@code
     * set,customer,chosen,<covariates>}, then one row per alternative, set by set ({@code customer}
     * is each set's cluster). Whole numbers are written without a fraction, others as Java prints a
     * double (the shortest text that parses back to it).
     */
    public static String csv(Data data) {
        StringBuilder out = new StringBuilder("set,customer,chosen");
        for (String covariate : data.covariates()) {
            if (covariate.contains(",") || covariate.contains("\"")) {
                throw new IllegalArgumentException("a covariate name cannot hold a comma or a quote: " + covariate);
            }
            out.append(',').append(covariate);
        }
        out.append('\n');
        for (ChoiceSet set : data.sets()) {
            for (int a = 0; a < set.alternatives(); a++) {
                out.append(set.id())
                        .append(',')
                        .append(set.cluster())
                        .append(',')
                        .append(a == set.chosen() ? 1 : 0);
                for (double value : set.x()[a]) {
                    out.append(',').append(number(value));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static final class Builder {
        private final List<double[]> rows = new ArrayList<>();
        private int chosen = -1;
        private String cluster;

        void add(double[] x, boolean isChosen, Path csv, int line, String id) {
            if (isChosen) {
                if (chosen >= 0) {
                    throw new IllegalArgumentException(
                            csv + ":" + line + ": choice set " + id + " has more than one chosen alternative");
                }
                chosen = rows.size();
            }
            rows.add(x);
        }

        ChoiceSet build(Path csv, String id) {
            if (chosen < 0) {
                throw new IllegalArgumentException(csv + ": choice set " + id + " has no chosen alternative");
            }
            return new ChoiceSet(id, cluster, rows.toArray(new double[0][]), chosen);
        }
    }

    private static List<String> remaining(List<String> columns, List<String> ignored, String... used) {
        List<String> names = new ArrayList<>(columns);
        names.removeAll(Arrays.asList(used));
        names.removeAll(ignored);
        return names;
    }

    private static int column(Path csv, List<String> columns, String name, String option) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(
                    csv + ": " + option + " names column '" + name + "', which is not in the header " + columns);
        }
        return i;
    }

    private static double number(Path csv, int line, String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    csv + ":" + line + ": column " + column + " must be a number, was '" + text + "'");
        }
    }

    /** Splits one CSV line, honouring double-quoted fields. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
