package org.mercato.metrics.output;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.ManipulationFold;
import org.mercato.metrics.bias.PositionFold;
import org.mercato.metrics.bias.Wilson;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.metrics.pricing.PricingMetrics;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;

/**
 * A self-contained {@code report.html} for one run (inline SVG and CSS, no external URLs):
 * welfare against the optimum and Magentic's four baselines, first-proposal selection by arrival
 * order with Wilson intervals, choice share by position and by grid cell, the choice-logit
 * coefficients with 95% intervals, payments to services using a manipulation tactic (when some
 * do), for a market with periods its series over time ({@link PeriodCharts}), and a timeline of
 * market activity ({@link EventTimeline}).
 */
public final class HtmlReport {
    private static final int TIMELINE_BUCKETS = 60;

    /** Says where the bars' links lead: they are hash routes of the explorer that serves this file. */
    static final String EXPLORE_NOTE =
            "<p class=\"note\" id=\"explore\">Open with <code>mercato ui &lt;folder&gt;</code>"
                    + " to see the customers behind each bar: there the bars of the charts by arrival order,"
                    + " position, grid cell, badge and tactic link to them (the links lead nowhere when this file is opened on its own).</p>";

    private HtmlReport() {}

    /**
     * What a run's report opens with and what it knows beyond the metrics: the title; {@code failed}
     * (null when no agent failed) and its {@code causes}, one line each; the condition that produced
     * the run; the scenario's {@code headlines} (none: no table); and the logit coefficients the
     * scenario planted, by covariate name (empty: none planted), with who planted them.
     */
    public record Page(
            String title,
            String failed,
            List<String> causes,
            ReportCondition condition,
            List<Headline<Double>> headlines,
            Map<String, Double> planted,
            String plantedBy) {
        public Page {
            causes = List.copyOf(causes);
            headlines = List.copyOf(headlines);
            planted = Map.copyOf(planted);
        }
    }

    /**
     * The report: the failure box (when agents failed), the condition, the headlines, the market at a
     * glance (efficiency first), then the charts; a sponsored-slots section when {@code ads} is not
     * null and a strategy-auction section when {@code auctions} is not null.
     */
    public static String render(
            Page page, MarketMetrics m, EventTimeline timeline, AdsMetrics ads, StrategyAuctionMetrics auctions) {
        return render(page, m, timeline, ads, auctions, null);
    }

    /**
     * The report, with a section of charts over time when {@code periods} (the per-period series of a
     * market with dynamics) is not null, before the timeline of market activity.
     */
    public static String render(
            Page page,
            MarketMetrics m,
            EventTimeline timeline,
            AdsMetrics ads,
            StrategyAuctionMetrics auctions,
            List<PeriodStats> periods) {
        return render(page, m, timeline, ads, auctions, periods, null);
    }

    /** The report, with the pricing section ({@link PricingCharts}) when {@code pricing} is not null. */
    public static String render(
            Page page,
            MarketMetrics m,
            EventTimeline timeline,
            AdsMetrics ads,
            StrategyAuctionMetrics auctions,
            List<PeriodStats> periods,
            PricingMetrics pricing) {
        StringBuilder html = new StringBuilder(16_384);
        html.append(pageStart(page.title()));
        if (page.failed() != null) {
            html.append(failureBox(page.failed(), page.causes()));
        }
        if (page.condition() != null) {
            html.append(page.condition().html());
        }
        headlines(html, page.headlines());
        atAGlance(html, m);
        html.append(EXPLORE_NOTE);
        welfare(html, m);
        if (ads != null) {
            ads(html, ads);
        }
        firstProposal(html, m.firstProposal());
        position(html, m.position());
        logit(html, m.choiceLogit(), page.planted(), page.plantedBy());
        manipulation(html, m.manipulation());
        if (auctions != null) {
            strategyAuctions(html, auctions);
        }
        PeriodCharts.section(html, periods);
        PricingCharts.section(html, pricing);
        timeline(html, timeline);
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The market's efficiency as a number, then its size: customers, served, payments, events. */
    private static void atAGlance(StringBuilder html, MarketMetrics m) {
        html.append(
                        "<h2 id=\"market\">Market at a glance</h2><table class=\"glance\" id=\"glance\"><tr><th style=\"text-align:left\">Welfare efficiency</th>"
                                + "<td><strong>")
                .append(
                        m.welfare().efficiency() == null
                                ? "n/a"
                                : SvgChart.number(m.welfare().efficiency()))
                .append("</strong></td><td class=\"note\" style=\"text-align:left\">realized customer welfare ")
                .append(SvgChart.number(m.welfare().total().doubleValue()))
                .append(" / optimal ")
                .append(SvgChart.number(m.welfare().optimal().doubleValue()))
                .append(" (currency units)</td></tr>");
        html.append(String.format(
                Locale.ROOT,
                "<tr><th style=\"text-align:left\">Market</th><td>%s</td><td class=\"note\" style=\"text-align:left\">"
                        + "customers; %s served, %s payments, %s events</td></tr></table>",
                SvgChart.number(m.customers()),
                SvgChart.number(m.customersServed()),
                SvgChart.number(m.payments().count()),
                SvgChart.number(m.events())));
    }

    /** The start of a report page: doctype, the shared inline style, and the title as a heading. */
    public static String pageStart(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + SvgChart.escape(title)
                + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;color:#222}"
                + "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}"
                + "svg text{font-size:12px;font-family:system-ui,sans-serif}svg .axis-title{fill:#444}svg .tick{fill:#555}"
                + "svg{display:block;margin:.3em 0}.note{color:#666;font-size:.9em}"
                + "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}"
                + ".condition th,.condition td{text-align:left;vertical-align:top}.condition th{white-space:nowrap}.hash{font-size:.8em}"
                + ".failed{border:2px solid #b00020;background:#fdecee;color:#600;padding:.5em 1em;margin:1em 0}"
                + ".failed strong{font-size:1.15em}"
                + "svg a.bar-link:hover rect,svg a.bar-link:focus rect{opacity:.7}svg a.bar-link text.label{fill:#1a4d8f}"
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
        html.append(SvgChart.bars(bars, "", new SvgChart.Axes("Welfare (currency units)", "outcome")));
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
            boolean control = ManipulationFold.CONTROL.equals(t.tactic());
            if (t.serviceShare() != null) {
                SvgChart.Bar bar = SvgChart.Bar.of(t.tactic() + ": services", t.serviceShare(), SvgChart.GREY);
                bars.add(
                        control
                                ? bar
                                : bar.linkedTo(
                                        explorer("services", "tactic", t.tactic()),
                                        "the sellers using " + t.tactic() + " (mercato ui)"));
            }
            if (t.paymentShare() != null) {
                bars.add(SvgChart.Bar.of(t.tactic() + ": payments", t.paymentShare())
                        .linkedTo(
                                explorer("customers", "paidTactic", control ? "none" : t.tactic()), CUSTOMERS_BEHIND));
            }
        }
        html.append(SvgChart.bars(bars, "", new SvgChart.Axes("Share (0 to 1)", "tactic")));
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
        html.append(
                SvgChart.bars(bars, "", new SvgChart.Axes("Share of tasks won (0 to 1)", "difficulty · bidder class")));
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
        html.append(SvgChart.bars(bars, "", new SvgChart.Axes("Amount (currency units)", "measure")));
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
                            "arrival " + p.position() + " (n=" + p.customers() + ")", p.rate(), p.lower(), p.upper())
                    .linkedTo(explorer("customers", "paidPosition", String.valueOf(p.position())), CUSTOMERS_BEHIND));
        }
        html.append(SvgChart.bars(
                bars,
                "",
                new SvgChart.Axes(
                        "Share who paid the k-th proposal (0 to 1)", "k-th proposal to arrive (n: customers)")));
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
        long n = position.choices();
        html.append(SvgChart.bars(
                cells("rank ", "paidRank", position.byRank(), n),
                "",
                new SvgChart.Axes(SHARE_OF_CHOICES, "rank on the page")));
        html.append(exposureNote(n));
        html.append("<h2>Choice share by grid cell</h2>");
        List<SvgChart.Bar> grid = new ArrayList<>();
        grid.addAll(cells("row ", "paidRow", position.byRow(), n));
        grid.addAll(cells("column ", "paidColumn", position.byColumn(), n));
        html.append(SvgChart.bars(grid, "", new SvgChart.Axes(SHARE_OF_CHOICES, "row or column of the grid")));
        html.append(exposureNote(n));
        List<SvgChart.Bar> tags = new ArrayList<>();
        for (PositionFold.TagShare tag : position.byTag()) {
            if (tag.share() != null) {
                tags.add(share(tag.tag(), tag.choices(), n, tag.impressions())
                        .linkedTo(explorer("customers", "paidTag", tag.tag()), CUSTOMERS_BEHIND));
            }
        }
        html.append("<h2>Choice share by badge</h2>")
                .append(SvgChart.bars(tags, "", new SvgChart.Axes(SHARE_OF_CHOICES, "badge (tag)")));
        html.append(exposureNote(n).replace("</p>", " A choice with several badges counts under each.</p>"));
    }

    private static final String SHARE_OF_CHOICES = "Share of choices (0 to 1)";

    private static String exposureNote(long choices) {
        return "<p class=\"note\">Share of the " + SvgChart.number(choices) + " choices (payments to a service the"
                + " customer was shown) made there, with Wilson score 95% intervals; in each label: choices there of"
                + " all choices, and the impressions (times shown) behind the share.</p>";
    }

    /** A bar per cell; each links to the explorer's customers with {@code filter} at its value. */
    private static List<SvgChart.Bar> cells(String prefix, String filter, List<PositionFold.Cell> cells, long choices) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (PositionFold.Cell cell : cells) {
            if (cell.share() != null) {
                bars.add(share(prefix + cell.value(), cell.choices(), choices, cell.impressions())
                        .linkedTo(explorer("customers", filter, String.valueOf(cell.value())), CUSTOMERS_BEHIND));
            }
        }
        return bars;
    }

    private static final String CUSTOMERS_BEHIND = "the customers behind this bar (mercato ui)";

    /** A link to the explorer's list of customers or sellers with one filter, as {@code mercato ui} serves it. */
    static String explorer(String list, String filter, String value) {
        return "/#/" + list + "?" + filter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A share of choices with its exposure in the label and its Wilson 95% interval. */
    private static SvgChart.Bar share(String what, long chosen, long choices, long impressions) {
        Wilson.Interval ci = Wilson.interval(chosen, choices);
        return new SvgChart.Bar(
                String.format(
                        Locale.ROOT,
                        "%s (%s of %s; %s shown)",
                        what,
                        SvgChart.number(chosen),
                        SvgChart.number(choices),
                        SvgChart.number(impressions)),
                chosen / (double) choices,
                ci.lower(),
                ci.upper());
    }

    static void logit(
            StringBuilder html, ChoiceLogitFold.ChoiceLogit logit, Map<String, Double> planted, String plantedBy) {
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
                bars.add(new SvgChart.Bar(
                        c.name(),
                        c.coef(),
                        c.coef() - 1.96 * c.se(),
                        c.coef() + 1.96 * c.se(),
                        null,
                        planted.get(c.name())));
            }
        }
        html.append(SvgChart.bars(bars, "", new SvgChart.Axes("Coefficient (log-odds per unit)", "covariate")));
        html.append("<p class=\"note\">McFadden conditional logit over the pages where the customer paid a shown"
                        + " service; 95% intervals from ")
                .append(logit.fit().customers() != null ? "customer-clustered" : "model-based")
                .append(" standard errors")
                .append(products > 0 ? "; " + products + " product effects estimated, not drawn (summary.json)" : "")
                .append(".");
        if (!planted.isEmpty()) {
            html.append(" Orange diamonds: the values ")
                    .append(SvgChart.escape(plantedBy))
                    .append(" planted, which the fit should recover (position dummies: the planted slope times the"
                            + " distance from the first position).");
        }
        html.append("</p>");
    }

    private static void timeline(StringBuilder html, EventTimeline times) {
        html.append("<h2>Market activity over virtual time</h2>");
        long last = Math.max(1, times.latest());
        long[] buckets = new long[TIMELINE_BUCKETS];
        times.forEach(t -> buckets[(int) Math.min(TIMELINE_BUCKETS - 1, t * TIMELINE_BUCKETS / (last + 1))]++);
        List<Long> counts = Arrays.stream(buckets).boxed().toList();
        double seconds = (last + 1) / 1e6;
        html.append(SvgChart.columns(
                counts,
                seconds,
                new SvgChart.Axes(
                        "Virtual time (s)",
                        String.format(Locale.ROOT, "Events per %.3g s (count)", seconds / TIMELINE_BUCKETS))));
        html.append(String.format(
                Locale.ROOT,
                "<p class=\"note\">Every logged event by its virtual time, in %d buckets of equal width up to the last"
                        + " event at %s s.</p>",
                TIMELINE_BUCKETS,
                SvgChart.number(last / 1e6)));
    }
}
