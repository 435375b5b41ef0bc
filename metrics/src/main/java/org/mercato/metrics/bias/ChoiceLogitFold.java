package org.mercato.metrics.bias;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mercato.metrics.estimation.ChoiceSet;
import org.mercato.metrics.estimation.ConditionalLogit;
import org.mercato.metrics.estimation.LogitFit;
import org.mercato.metrics.estimation.LongFormatChoices;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;

/**
 * A conditional logit of choices on results pages, from {@code impression} events. Each page (the
 * impressions sharing one {@code search}) shown to a customer before its first payment, that
 * showed the service it paid and at least one other, is a choice set; the paid service is the
 * chosen alternative. Covariates: position dummies (by rank on pages of one row or one column,
 * else by row and by column; the first position is the reference), the log of the shown price
 * (only when every alternative shows one), the shown rating, log(reviews + 1) and one dummy per
 * tag. Covariates that never vary within a set are left out (they are not identified). Standard
 * errors are clustered by customer. The fit is reported when there are at least {@link
 * #MIN_SETS} sets; otherwise the block says why not. Choices that are still separated by the kept
 * covariates, or covariates the fit cannot tell apart, give a fit marked not converged with the
 * reason and the covariates that cause it (see {@link ConditionalLogit}).
 */
public final class ChoiceLogitFold implements EventSink {
    public static final int MIN_SETS = 30;

    private record Shown(
            String service,
            int rank,
            int row,
            int column,
            SortedSet<String> tags,
            Long price,
            double rating,
            int reviews) {}

    private record Page(String customer, List<Shown> shown) {}

    private record Choice(String customer, Page page, int chosen) {}

    /** Pages of customers who have not paid yet, by their search seq. */
    private final Map<String, Map<Long, Page>> pending = new HashMap<>();

    private final Set<String> decided = new HashSet<>();
    private final List<Choice> sets = new ArrayList<>();
    private final LogitSpec spec;

    /** The default specification ({@link LogitSpec#DEFAULT}). */
    public ChoiceLogitFold() {
        this(LogitSpec.DEFAULT);
    }

    public ChoiceLogitFold(LogitSpec spec) {
        this.spec = spec;
    }

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof ImpressionEvent i) {
            if (decided.contains(i.agent())) {
                return;
            }
            pending.computeIfAbsent(i.agent(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.search(), k -> new Page(i.agent(), new ArrayList<>()))
                    .shown()
                    .add(new Shown(
                            i.service(), i.rank(), i.row(), i.column(), i.tags(), i.price(), i.rating(), i.reviews()));
        } else if (event instanceof PaymentEvent payment && decided.add(payment.customer())) {
            Map<Long, Page> pages = pending.remove(payment.customer());
            if (pages == null) {
                return;
            }
            for (Page page : pages.values()) {
                for (int j = 0; j < page.shown().size(); j++) {
                    if (page.shown().get(j).service().equals(payment.service())
                            && page.shown().size() >= 2) {
                        sets.add(new Choice(payment.customer(), page, j));
                        break;
                    }
                }
            }
        } else if (event instanceof DoneEvent done) {
            pending.remove(done.agent());
        }
    }

    public ChoiceLogit result() {
        if (sets.size() < MIN_SETS) {
            return new ChoiceLogit(sets.size(), List.of(), null, "fewer than " + MIN_SETS + " choice sets");
        }
        Design design = design();
        List<String> kept = design.covariates();
        List<String> omitted = design.omitted();
        List<ChoiceSet> data = design.sets();
        if (kept.isEmpty()) {
            return new ChoiceLogit(sets.size(), omitted, null, "no covariate left to estimate");
        }
        LogitFit fit;
        try {
            fit = new ConditionalLogit().fit(kept, data, spec.clusterByCustomer());
        } catch (ArithmeticException | IllegalArgumentException e) {
            return new ChoiceLogit(
                    sets.size(),
                    omitted,
                    null,
                    "not estimable with " + String.join(", ", kept) + ": " + e.getMessage());
        }
        List<Coefficient> coefficients = new ArrayList<>();
        for (LogitFit.Coefficient c : fit.covariates()) {
            coefficients.add(new Coefficient(c.name(), finite(c.coef()), finite(c.se()), finite(c.z()), finite(c.p())));
        }
        return new ChoiceLogit(
                sets.size(),
                omitted,
                new Fit(
                        coefficients,
                        finite(fit.logLikelihood()),
                        finite(fit.logLikelihoodNull()),
                        finite(fit.pseudoR2()),
                        fit.alternatives(),
                        fit.clusters(),
                        fit.iterations(),
                        fit.converged(),
                        fit.converged() ? null : fit.status().label(),
                        fit.causedBy()),
                !fit.converged()
                        ? fit.reason()
                        : coefficients.stream().anyMatch(c -> c.se() == null)
                                ? "some standard errors are not finite (the choices are nearly separated)"
                                : null);
    }

    /**
     * The covariates the fit uses and its choice sets, one row per alternative shown, in the order
     * the customers chose (what {@code mercato fit choices} writes as long-format CSV); null with
     * fewer than {@link #MIN_SETS} sets or no covariate left.
     */
    public LongFormatChoices.Data choiceData() {
        if (sets.size() < MIN_SETS) {
            return null;
        }
        Design design = design();
        return design.covariates().isEmpty() ? null : new LongFormatChoices.Data(design.covariates(), design.sets());
    }

    /** The kept covariates (none: nothing to estimate), those left out with why, and the design over the kept ones. */
    private record Design(List<String> covariates, List<String> omitted, List<ChoiceSet> sets) {}

    private Design design() {
        boolean grid = false;
        boolean allPriced = true;
        SortedSet<String> tags = new TreeSet<>();
        for (Choice set : sets) {
            int rows = 0;
            int columns = 0;
            for (Shown shown : set.page().shown()) {
                rows = Math.max(rows, shown.row());
                columns = Math.max(columns, shown.column());
                allPriced &= shown.price() != null && shown.price() > 0;
                tags.addAll(shown.tags());
            }
            grid |= rows > 1 && columns > 1;
        }
        List<String> names = new ArrayList<>();
        List<java.util.function.ToDoubleFunction<Shown>> columnsOf = new ArrayList<>();
        SortedSet<Integer> ranks = new TreeSet<>();
        SortedSet<Integer> rowValues = new TreeSet<>();
        SortedSet<Integer> columnValues = new TreeSet<>();
        SortedSet<String> products = new TreeSet<>();
        for (Choice set : sets) {
            for (Shown shown : set.page().shown()) {
                ranks.add(shown.rank());
                rowValues.add(shown.row());
                columnValues.add(shown.column());
                products.add(shown.service());
            }
        }
        if (spec.productEffects()) {
            for (String product : products.tailSet(products.first() + "\0")) {
                names.add("product:" + product);
                columnsOf.add(s -> s.service().equals(product) ? 1 : 0);
            }
        }
        for (String covariate : spec.covariates()) {
            String kind = covariate.equals("position") ? (grid ? "grid" : "rank") : covariate;
            switch (kind) {
                case "grid" -> {
                    dummies(names, columnsOf, "row", rowValues, Shown::row);
                    dummies(names, columnsOf, "column", columnValues, Shown::column);
                }
                case "rank" -> dummies(names, columnsOf, "rank", ranks, Shown::rank);
                case "row" -> dummies(names, columnsOf, "row", rowValues, Shown::row);
                case "column" -> dummies(names, columnsOf, "column", columnValues, Shown::column);
                case "logPrice" -> {
                    if (allPriced) {
                        names.add("logPrice");
                        columnsOf.add(s -> Math.log(s.price() / 100.0));
                    }
                }
                case "rating" -> {
                    names.add("rating");
                    columnsOf.add(Shown::rating);
                }
                case "logReviews" -> {
                    names.add("logReviews");
                    columnsOf.add(s -> Math.log(s.reviews() + 1.0));
                }
                case "tags" -> {
                    for (String tag : tags) {
                        names.add("tag:" + tag);
                        columnsOf.add(s -> s.tags().contains(tag) ? 1 : 0);
                    }
                }
                default -> {
                    String tag = covariate.substring("tag:".length());
                    names.add(covariate);
                    columnsOf.add(s -> s.tags().contains(tag) ? 1 : 0);
                }
            }
        }
        // keep the covariates that vary within some set; leave out a dummy that separates the
        // choices (in every set where it varies the chosen alternative has it, or never has it),
        // as its estimate would run off to infinity
        List<String> kept = new ArrayList<>();
        List<java.util.function.ToDoubleFunction<Shown>> keptColumns = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            var f = columnsOf.get(c);
            boolean dummy = !names.get(c).equals("logPrice")
                    && !names.get(c).equals("rating")
                    && !names.get(c).equals("logReviews");
            int varying = 0;
            int chosenHas = 0;
            for (Choice set : sets) {
                List<Shown> shown = set.page().shown();
                double first = f.applyAsDouble(shown.get(0));
                boolean varies = false;
                for (Shown alternative : shown) {
                    if (f.applyAsDouble(alternative) != first) {
                        varies = true;
                        break;
                    }
                }
                if (varies) {
                    varying++;
                    if (f.applyAsDouble(shown.get(set.chosen())) != 0) {
                        chosenHas++;
                    }
                }
            }
            if (varying == 0) {
                omitted.add(names.get(c) + " (constant within every set)");
            } else if (dummy && (chosenHas == 0 || chosenHas == varying)) {
                omitted.add(names.get(c) + (chosenHas == 0 ? " (never chosen)" : " (always chosen)"));
            } else {
                kept.add(names.get(c));
                keptColumns.add(f);
            }
        }
        if (kept.isEmpty()) {
            return new Design(kept, omitted, List.of());
        }
        List<ChoiceSet> data = design(sets, keptColumns);
        for (String collinear = collinear(kept, data); collinear != null; collinear = collinear(kept, data)) {
            int c = kept.indexOf(collinear);
            kept.remove(c);
            keptColumns.remove(c);
            omitted.add(collinear + " (collinear with the covariates before it within choice sets)");
            if (kept.isEmpty()) {
                return new Design(kept, omitted, List.of());
            }
            data = design(sets, keptColumns);
        }
        return new Design(kept, omitted, data);
    }

    private static List<ChoiceSet> design(List<Choice> sets, List<java.util.function.ToDoubleFunction<Shown>> columns) {
        List<ChoiceSet> data = new ArrayList<>(sets.size());
        int n = 0;
        for (Choice set : sets) {
            List<Shown> shown = set.page().shown();
            double[][] x = new double[shown.size()][columns.size()];
            for (int a = 0; a < shown.size(); a++) {
                for (int c = 0; c < columns.size(); c++) {
                    x[a][c] = columns.get(c).applyAsDouble(shown.get(a));
                }
            }
            data.add(new ChoiceSet("set" + n++, set.customer(), x, set.chosen()));
        }
        return data;
    }

    /** Dummies for every level of a position but the first. */
    private static void dummies(
            List<String> names,
            List<java.util.function.ToDoubleFunction<Shown>> columnsOf,
            String prefix,
            SortedSet<Integer> levels,
            java.util.function.ToIntFunction<Shown> level) {
        for (int value : levels.tailSet(levels.first() + 1)) {
            names.add(prefix + value);
            columnsOf.add(s -> level.applyAsInt(s) == value ? 1 : 0);
        }
    }

    /**
     * The first covariate that is (numerically) a combination of those before it, within sets:
     * Cholesky with a relative tolerance on Σ over sets of the within-set centred cross products,
     * the information matrix at zero up to the set sizes. Null if there is none.
     */
    private static String collinear(List<String> names, List<ChoiceSet> data) {
        int k = names.size();
        double[][] g = new double[k][k];
        for (ChoiceSet set : data) {
            double[][] x = set.x();
            double[] mean = new double[k];
            for (double[] row : x) {
                for (int c = 0; c < k; c++) {
                    mean[c] += row[c] / x.length;
                }
            }
            for (double[] row : x) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        g[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]);
                    }
                }
            }
        }
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = g[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(sum > 1e-9 * g[i][i])) {
                        return names.get(i);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return null;
    }

    private static Double finite(Double value) {
        return value != null && Double.isFinite(value) ? Rounding.six(value) : null;
    }

    /**
     * The number of choice sets, the covariates left out and why, the fit (null when not
     * estimated) and why not (or a caveat, such as no convergence).
     */
    public record ChoiceLogit(int choiceSets, List<String> omitted, Fit fit, String reason) {}

    /**
     * Coefficients (standard errors clustered by customer), log-likelihoods, pseudo-R², size,
     * convergence. A fit that did not converge also has its {@code status} (separated, singular,
     * not-converged; see {@link LogitFit.Status}) and the covariates that cause it ({@code
     * causedBy}), its reason is the block's, and its standard errors, z and p are null (under
     * quasi-complete separation only for the separating covariates); a converged fit has neither
     * field.
     */
    public record Fit(
            List<Coefficient> coefficients,
            Double logLikelihood,
            Double logLikelihoodNull,
            Double pseudoR2,
            int alternatives,
            Integer customers,
            int iterations,
            boolean converged,
            @JsonInclude(JsonInclude.Include.NON_NULL) String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> causedBy) {}

    public record Coefficient(String name, Double coef, Double se, Double z, Double p) {}
}
