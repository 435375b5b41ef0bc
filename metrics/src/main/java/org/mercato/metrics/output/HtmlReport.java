package org.mercato.metrics.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.ManipulationFold;
import org.mercato.metrics.bias.PositionFold;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;

/**
 * A self-contained {@code report.html} for one run (inline SVG and CSS, no external URLs):
 * welfare against the optimum and Magentic's four baselines, first-proposal selection by arrival
 * order with Wilson intervals, choice share by position and by grid cell, the choice-logit
 * coefficients with 95% intervals, payments to services using a manipulation tactic (when some
 * do), and a timeline of market activity read from the event log.
 */
public final class HtmlReport {
    private static final int TIMELINE_BUCKETS = 60;

    private HtmlReport() {}

    public static String render(String title, MarketMetrics m, Path eventLog) throws IOException {
        return render(title, m, eventLog, null, null);
    }

    /**
     * The report with a sponsored-slots section when {@code ads} is not null and a section on the
     * run's strategy auctions when {@code auctions} is not null.
     */
    public static String render(
            String title, MarketMetrics m, Path eventLog, AdsMetrics ads, StrategyAuctionMetrics auctions)
            throws IOException {
        return render(title, null, m, eventLog, ads, auctions, null, List.of(), List.of());
    }

    /**
     * As {@link #render(String, MarketMetrics, Path, AdsMetrics, StrategyAuctionMetrics)}, with {@code
     * condition} (which settings produced the run: scenario, seed, overrides) as a line under the title
     * when not null; then {@link #failureBox} when {@code failed} is not null: its headline and {@code
     * causes} (one line each); then the scenario's {@code headlines} in a table (none: no table).
     */
    public static String render(
            String title,
            String condition,
            MarketMetrics m,
            Path eventLog,
            AdsMetrics ads,
            StrategyAuctionMetrics auctions,
            String failed,
            List<String> causes,
            List<Headline<Double>> headlines)
            throws IOException {
        StringBuilder html = new StringBuilder(16_384);
        html.append(pageStart(title));
        if (condition != null) {
            html.append("<p class=\"note\" id=\"condition\">")
                    .append(SvgChart.escape(condition))
                    .append("</p>");
        }
        if (failed != null) {
            html.append(failureBox(failed, causes));
        }
        headlines(html, headlines);
        html.append(String.format(
                Locale.ROOT,
                "<p>%d customers, %d served, %d payments; %d events.</p>",
                m.customers(),
                m.customersServed(),
                m.payments().count(),
                m.events()));
        welfare(html, m);
        if (ads != null) {
            ads(html, ads);
        }
        firstProposal(html, m.firstProposal());
        position(html, m.position());
        logit(html, m.choiceLogit());
        manipulation(html, m.manipulation());
        if (auctions != null) {
            strategyAuctions(html, auctions);
        }
        timeline(html, eventLog);
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The start of a report page: doctype, the shared inline style, and the title as a heading. */
    public static String pageStart(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + SvgChart.escape(title)
                + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;color:#222}"
                + "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}"
                + "svg text{font-size:12px;font-family:system-ui,sans-serif}.note{color:#666;font-size:.9em}"
                + "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}"
                + ".failed{border:2px solid #b00020;background:#fdecee;color:#600;padding:.5em 1em;margin:1em 0}"
                + ".failed strong{font-size:1.15em}"
                + "</style></head><body><h1>"
                + SvgChart.escape(title)
                + "</h1>";
    }

    /** A red box for the top of a report: {@code headline} in bold, then one list item per line. */
    public static String failureBox(String headline, List<String> lines) {
        StringBuilder html = new StringBuilder("<div class=\"failed\" id=\"failures\"><strong>")
                .append(SvgChart.escape(headline))
                .append("</strong>");
        if (!lines.isEmpty()) {
            html.append("<ul>");
            lines.forEach(
                    line -> html.append("<li>").append(SvgChart.escape(line)).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</div>").toString();
    }

    /** The headline outcomes: title, value and metric name; a missing one says so in a note. */
    private static void headlines(StringBuilder html, List<Headline<Double>> headlines) {
        if (headlines.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"headline\">Headline</h2><table class=\"headline\">"
                + "<tr><th>outcome</th><th>value</th><th>metric</th></tr>");
        for (Headline<Double> h : headlines) {
            html.append("<tr><td style=\"text-align:left\">")
                    .append(SvgChart.escape(h.title()))
                    .append("</td><td>")
                    .append(h.missing() ? "missing" : Headlines.number(h.value()))
                    .append("</td><td style=\"text-align:left\"><code>")
                    .append(SvgChart.escape(h.metric()))
                    .append("</code></td></tr>");
        }
        html.append("</table>");
        List<String> warnings = Headlines.warnings(headlines, Headlines.IN_RUN);
        if (!warnings.isEmpty()) {
            html.append("<p class=\"note\">");
            warnings.forEach(w -> html.append(SvgChart.escape(w)).append(". "));
            html.append("</p>");
        }
    }

    private static void welfare(StringBuilder html, MarketMetrics m) {
        html.append("<h2>Welfare against the optimum and the baselines</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        bars.add(SvgChart.Bar.of("realized (customers)", m.welfare().total().doubleValue()));
        bars.add(SvgChart.Bar.of("optimal", m.welfare().optimal().doubleValue(), SvgChart.GREY));
        MarketMetrics.Baselines baselines = m.welfare().baselines();
        if (baselines != null) {
            bars.add(SvgChart.Bar.of("baseline: optimal", baselines.optimal().doubleValue(), SvgChart.PURPLE));
            bars.add(SvgChart.Bar.of("baseline: cheapest", baselines.cheapest().doubleValue(), SvgChart.PURPLE));
            bars.add(random("baseline: random feasible", baselines.randomFeasible()));
            bars.add(random("baseline: random any", baselines.randomAny()));
        }
        if (m.surplus() != null) {
            bars.add(SvgChart.Bar.of(
                    "producer surplus", m.surplus().producerSurplus().doubleValue()));
            bars.add(SvgChart.Bar.of("total welfare", m.surplus().totalWelfare().doubleValue()));
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">Customer welfare in Magentic's utility model. Efficiency ")
                .append(
                        m.welfare().efficiency() == null
                                ? "n/a"
                                : SvgChart.number(m.welfare().efficiency()))
                .append("; optimum: ")
                .append(SvgChart.escape(String.valueOf(m.welfare().optimalMethod())))
                .append(".");
        if (baselines != null) {
            html.append(String.format(
                    Locale.ROOT,
                    " Purple: Magentic's baselines, each customer buying once at posted prices from the best,"
                            + " the cheapest, a random feasible or a random business (capacities ignored); random"
                            + " ones are the median of %d draws with a bootstrap 95%% interval.",
                    baselines.draws()));
        } else {
            html.append(" Magentic's baselines were turned off (<code>output.baselines</code>).");
        }
        html.append("</p>");
    }

    private static SvgChart.Bar random(String label, MarketMetrics.RandomBaseline r) {
        return new SvgChart.Bar(
                label,
                r.median().doubleValue(),
                r.ciLower().doubleValue(),
                r.ciUpper().doubleValue(),
                SvgChart.PURPLE);
    }

    private static void manipulation(StringBuilder html, ManipulationFold.Manipulation m) {
        if (m == null) {
            return;
        }
        html.append("<h2>Manipulation: payments to services using a tactic</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (ManipulationFold.TacticShare t : m.byTactic()) {
            if (t.serviceShare() != null) {
                bars.add(SvgChart.Bar.of(t.tactic() + ": services", t.serviceShare(), SvgChart.GREY));
            }
            if (t.paymentShare() != null) {
                bars.add(SvgChart.Bar.of(t.tactic() + ": payments", t.paymentShare()));
            }
        }
        html.append(SvgChart.bars(bars, ""));
        html.append(String.format(
                Locale.ROOT,
                "<p class=\"note\">%d of %d services use a tactic (grey: share of services); they received %d"
                        + " of %d payments (blue)",
                m.tacticServices(),
                m.services(),
                m.tacticPayments(),
                m.payments()));
        if (m.paymentShare() != null) {
            html.append(String.format(
                    Locale.ROOT,
                    ", a share of %s (Wilson 95%%: %s to %s) against %s of the services: lift %s",
                    SvgChart.number(m.paymentShare()),
                    SvgChart.number(m.lower()),
                    SvgChart.number(m.upper()),
                    SvgChart.number(m.serviceShare()),
                    SvgChart.number(m.lift())));
        }
        html.append(". The effect of a tactic is the change against a run of the same scenario and seed with the"
                + " tactic set to control.</p>");
    }

    private static void strategyAuctions(StringBuilder html, StrategyAuctionMetrics auctions) {
        html.append("<h2>Strategy auctions: share of tasks won by bidder class</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (StrategyAuctionMetrics.Bucket bucket : auctions.byDifficulty()) {
            bucket.share().forEach((cls, share) -> bars.add(SvgChart.Bar.of(bucket.label() + " · " + cls, share)));
        }
        html.append(SvgChart.bars(bars, ""));
        html.append(String.format(
                Locale.ROOT,
                "<p class=\"note\">%d tasks; success rate %s; cost %s against %s for always using %s"
                        + " (ratio %s); %d auctions decided by a refinement.</p>",
                auctions.tasks(),
                rate(auctions.successRate()),
                SvgChart.number(auctions.cost()),
                SvgChart.number(auctions.largestCost()),
                SvgChart.escape(String.valueOf(auctions.largestBidder())),
                rate(auctions.costRatio()),
                auctions.overturned()));
        html.append("<table><tr><th>slice</th><th>tasks</th><th>share by class</th><th>success</th>"
                + "<th>cost ratio</th></tr>");
        List<StrategyAuctionMetrics.Bucket> rows = new ArrayList<>(auctions.byDifficulty());
        rows.addAll(auctions.byPhase());
        for (StrategyAuctionMetrics.Bucket bucket : rows) {
            StringBuilder shares = new StringBuilder();
            bucket.share()
                    .forEach((cls, share) -> shares.append(shares.length() == 0 ? "" : ", ")
                            .append(SvgChart.escape(cls))
                            .append(' ')
                            .append(SvgChart.number(share)));
            html.append("<tr><td>")
                    .append(SvgChart.escape(bucket.label()))
                    .append("</td><td>")
                    .append(bucket.tasks())
                    .append("</td><td>")
                    .append(shares)
                    .append("</td><td>")
                    .append(rate(bucket.successRate()))
                    .append("</td><td>")
                    .append(rate(bucket.costRatio()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String rate(Double value) {
        return value == null ? "n/a" : SvgChart.number(value);
    }

    private static void ads(StringBuilder html, AdsMetrics ads) {
        html.append("<h2>Sponsored slots (")
                .append(SvgChart.escape(String.valueOf(ads.mechanism())))
                .append(")</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        bars.add(SvgChart.Bar.of(
                "platform revenue", Math.max(0, ads.platformRevenue().doubleValue())));
        bars.add(SvgChart.Bar.of(
                "advertiser value", Math.max(0, ads.advertiserValue().doubleValue())));
        bars.add(SvgChart.Bar.of(
                "advertiser surplus", Math.max(0, ads.advertiserSurplus().doubleValue())));
        html.append(SvgChart.bars(bars, ""));
        html.append("<table><tr><th>auctions</th><th>slots filled</th><th>fill rate</th><th>mean price</th>"
                        + "<th>sponsored choices</th><th>charges</th></tr><tr><td>")
                .append(ads.auctions())
                .append("</td><td>")
                .append(ads.slotsFilled())
                .append("</td><td>")
                .append(ads.fillRate() == null ? "n/a" : SvgChart.number(ads.fillRate()))
                .append("</td><td>")
                .append(ads.meanPrice() == null ? "n/a" : ads.meanPrice().toPlainString())
                .append("</td><td>")
                .append(ads.sponsoredChoices())
                .append("</td><td>")
                .append(ads.charges())
                .append("</td></tr></table>");
        AdsMetrics.Counterfactual c = ads.counterfactual();
        html.append("<p class=\"note\">Advertiser value: producer surplus of the services that bid;"
                + " surplus: value minus ad spend. ");
        if (c == null) {
            html.append("Set <code>market.ads.counterfactual: true</code> for the welfare effect of ads.</p>");
        } else {
            html.append("Total welfare with ads ")
                    .append(c.welfareWithAds().toPlainString())
                    .append(", without ads (same seed) ")
                    .append(c.welfareWithoutAds().toPlainString())
                    .append(": effect ")
                    .append(c.welfareEffect().toPlainString())
                    .append(".</p>");
        }
    }

    private static void firstProposal(StringBuilder html, FirstProposalFold.FirstProposal fp) {
        html.append("<h2>First-proposal selection by arrival order</h2>");
        if (fp == null || fp.byPosition().isEmpty()) {
            html.append("<p class=\"empty\">no proposals were paid</p>");
            return;
        }
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (FirstProposalFold.Position p : fp.byPosition()) {
            bars.add(new SvgChart.Bar(
                    "arrival " + p.position() + " (n=" + p.customers() + ")", p.rate(), p.lower(), p.upper()));
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">Share of customers with at least k proposals who paid the k-th to arrive,"
                + " with Wilson 95% intervals.</p>");
    }

    private static void position(StringBuilder html, PositionFold.Position position) {
        html.append("<h2>Choice share by position</h2>");
        if (position == null || position.choices() == 0) {
            html.append("<p class=\"empty\">no choices on logged pages (impressions are logged for grids and"
                    + " randomized pages)</p>");
            return;
        }
        html.append(SvgChart.bars(cells("rank ", position.byRank()), ""));
        html.append("<h2>Choice share by grid cell</h2>");
        List<SvgChart.Bar> grid = new ArrayList<>();
        grid.addAll(cells("row ", position.byRow()));
        grid.addAll(cells("column ", position.byColumn()));
        html.append(SvgChart.bars(grid, ""));
        List<SvgChart.Bar> tags = new ArrayList<>();
        for (PositionFold.TagShare tag : position.byTag()) {
            if (tag.share() != null) {
                tags.add(SvgChart.Bar.of(tag.tag(), tag.share()));
            }
        }
        html.append("<h2>Choice share by badge</h2>").append(SvgChart.bars(tags, ""));
    }

    private static List<SvgChart.Bar> cells(String prefix, List<PositionFold.Cell> cells) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (PositionFold.Cell cell : cells) {
            if (cell.share() != null) {
                bars.add(SvgChart.Bar.of(prefix + cell.value(), cell.share()));
            }
        }
        return bars;
    }

    static void logit(StringBuilder html, ChoiceLogitFold.ChoiceLogit logit) {
        html.append("<h2>Conditional logit coefficients</h2>");
        if (logit == null || logit.fit() == null) {
            html.append("<p class=\"empty\">not fitted")
                    .append(logit == null || logit.reason() == null ? "" : ": " + SvgChart.escape(logit.reason()))
                    .append("</p>");
            return;
        }
        if (!logit.fit().converged()) {
            html.append("<p class=\"failed\">NOT converged")
                    .append(
                            logit.fit().status() == null
                                    ? ""
                                    : " (" + SvgChart.escape(logit.fit().status()) + ")")
                    .append(logit.reason() == null ? "" : ": " + SvgChart.escape(logit.reason()))
                    .append("; the intervals of the covariates that cause it are not drawn</p>");
        }
        List<SvgChart.Bar> bars = new ArrayList<>();
        int products = 0;
        for (ChoiceLogitFold.Coefficient c : logit.fit().coefficients()) {
            if (c.name().startsWith("product:")) {
                products++;
            } else if (c.coef() != null && c.se() != null && Double.isFinite(c.se())) {
                bars.add(new SvgChart.Bar(c.name(), c.coef(), c.coef() - 1.96 * c.se(), c.coef() + 1.96 * c.se()));
            }
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">McFadden conditional logit over the pages where the customer paid a shown"
                        + " service; 95% intervals from ")
                .append(logit.fit().customers() != null ? "customer-clustered" : "model-based")
                .append(" standard errors")
                .append(products > 0 ? "; " + products + " product effects estimated, not drawn (summary.json)" : "")
                .append(".</p>");
    }

    private static void timeline(StringBuilder html, Path eventLog) throws IOException {
        html.append("<h2>Market activity over virtual time</h2>");
        List<Long> times = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(eventLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int start = line.indexOf("\"t\":");
                if (start >= 0) {
                    int end = line.indexOf(',', start);
                    times.add(Long.parseLong(line.substring(start + 4, end)));
                }
            }
        }
        long last = 1;
        for (long t : times) {
            last = Math.max(last, t);
        }
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < TIMELINE_BUCKETS; i++) {
            counts.add(0L);
        }
        for (long t : times) {
            int bucket = (int) Math.min(TIMELINE_BUCKETS - 1, t * TIMELINE_BUCKETS / (last + 1));
            counts.set(bucket, counts.get(bucket) + 1);
        }
        html.append(SvgChart.columns(counts, "0 s", String.format(Locale.ROOT, "%.2f s", last / 1e6)));
    }
}
