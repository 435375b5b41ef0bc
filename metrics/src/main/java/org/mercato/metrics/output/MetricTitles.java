package org.mercato.metrics.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable titles for flattened summary names: a table for the well-known outcomes, else one
 * derived from the name's parts ({@code market.firstProposal.byPosition.1.share} is "First
 * proposal: position 1 share").
 */
public final class MetricTitles {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("market.welfare.total", "Customer welfare"),
            Map.entry("market.welfare.mean", "Mean customer welfare"),
            Map.entry("market.welfare.optimal", "Optimal customer welfare"),
            Map.entry("market.welfare.efficiency", "Welfare efficiency"),
            Map.entry("market.surplus.totalWelfare", "Total welfare"),
            Map.entry("market.surplus.producerSurplus", "Producer surplus"),
            Map.entry("market.customersServed", "Customers served"),
            Map.entry("market.customersPaying", "Customers paying"),
            Map.entry("market.payments.count", "Payments"),
            Map.entry("market.payments.amount", "Amount paid"),
            Map.entry("market.firstProposal.speedVsValue.paidFirstShare", "Paid the first proposal to arrive"),
            Map.entry("market.firstProposal.speedVsValue.paidBestValueShare", "Paid the best-value proposal"),
            Map.entry("market.manipulation.paymentShare", "Payment share of manipulating services"),
            Map.entry("market.manipulation.lift", "Manipulation lift (payment share / service share)"),
            Map.entry("market.concentration.hhi", "Seller concentration (HHI)"),
            Map.entry("market.choiceLogit.fit.pseudoR2", "Choice logit: pseudo R²"),
            Map.entry("ads.platformRevenue", "Platform ad revenue"),
            Map.entry("ads.counterfactual.welfareEffect", "Welfare effect of ads"),
            Map.entry("strategyAuction.successRate", "Strategy auctions: task success rate"),
            Map.entry("strategyAuction.costRatio", "Strategy auctions: cost against the largest bidder"),
            Map.entry("pricing.gain.mean", "Pricing: profit gain over Nash (Delta)"),
            Map.entry("pricing.gain.low", "Pricing: profit gain, 95% interval low"),
            Map.entry("pricing.gain.high", "Pricing: profit gain, 95% interval high"),
            Map.entry("pricing.priceGain.mean", "Pricing: price gain over Nash"),
            Map.entry("pricing.converged", "Pricing: share of episodes converged"),
            Map.entry("pricing.meanPeriods", "Pricing: mean periods per episode"),
            Map.entry("cost.money", "LLM cost"));

    /** Summary blocks whose name reads better spelled out. */
    private static final Map<String, String> BLOCKS = Map.of("choiceLogit", "Choice logit", "eventsByType", "Events");

    private MetricTitles() {}

    /** The title of {@code metric}: from the table, else derived from its parts. */
    public static String of(String metric) {
        String known = KNOWN.get(metric);
        if (known != null) {
            return known;
        }
        Matcher coefficient = COEFFICIENT.matcher(metric);
        if (coefficient.matches()) {
            return "Choice logit: " + coefficient.group(1) + " " + STATISTICS.get(coefficient.group(2));
        }
        return derived(metric);
    }

    /** A fitted choice-logit coefficient's statistic: {@code market.choiceLogit.fit.coefficients.<name>.<stat>}. */
    private static final Pattern COEFFICIENT =
            Pattern.compile("market\\.choiceLogit\\.fit\\.coefficients\\.(.+)\\.(coef|se|z|p)");

    private static final Map<String, String> STATISTICS =
            Map.of("coef", "coefficient", "se", "standard error", "z", "z statistic", "p", "p-value");

    /**
     * The unit of {@code metric}'s values as an axis shows it: money in currency units, shares and
     * efficiencies as a share (0 to 1), counts, logit coefficients; empty when the name does not tell.
     */
    public static String unit(String metric) {
        String last = metric.substring(metric.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String lower = metric.toLowerCase(Locale.ROOT);
        if (last.equals("coef") || last.equals("se")) {
            return "logit coefficient";
        }
        if (last.endsWith("share") || last.equals("efficiency") || last.endsWith("rate") || last.equals("hhi")) {
            return "share, 0 to 1";
        }
        if (last.contains("ratio") || last.equals("lift")) {
            return "ratio";
        }
        if (last.equals("count") || last.startsWith("customers") || last.equals("events") || last.equals("tasks")) {
            return "count";
        }
        if (lower.contains("welfare")
                || lower.contains("surplus")
                || last.equals("amount")
                || last.equals("money")
                || last.contains("revenue")
                || last.contains("price")
                || last.contains("cost")) {
            return "currency units";
        }
        return "";
    }

    /** The title of {@code metric} with its unit in parentheses (when known), for an axis. */
    public static String axisTitle(String metric) {
        String unit = unit(metric);
        return unit.isEmpty() ? of(metric) : of(metric) + " (" + unit + ")";
    }

    /** "Mean " and the axis title, its first letter lower case unless it starts an acronym (LLM). */
    public static String meanAxisTitle(String metric) {
        String title = axisTitle(metric);
        boolean acronym = title.length() > 1 && Character.isUpperCase(title.charAt(1));
        return "Mean " + (acronym ? title : title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1));
    }

    /**
     * The first part after {@code market.} as a capitalised phrase, the rest as words: {@code
     * byPosition} reads "position", {@code camelCase} reads "camel case".
     */
    static String derived(String metric) {
        List<String> parts = new ArrayList<>(List.of(metric.split("\\.")));
        parts.removeIf(String::isEmpty);
        if (parts.size() > 1 && parts.get(0).equals("market")) {
            parts.remove(0);
        }
        if (parts.isEmpty()) {
            return metric;
        }
        if (parts.size() > 2 && parts.get(0).equals("periods")) {
            // periods.29.shareByQuality.q<0.5 reads "Period 29: share by quality q<0.5"
            String band = parts.size() > 3 ? " " + String.join(".", parts.subList(3, parts.size())) : "";
            return "Period " + parts.get(1) + ": " + words(parts.get(2)) + band;
        }
        String block = BLOCKS.getOrDefault(parts.get(0), capitalised(words(parts.get(0))));
        if (parts.size() == 1) {
            return block;
        }
        List<String> rest = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            rest.add(words(
                    part.startsWith("by") && part.length() > 2 && Character.isUpperCase(part.charAt(2))
                            ? part.substring(2)
                            : part));
        }
        return block + ": " + String.join(" ", rest);
    }

    /** {@code paidFirstShare} as "paid first share"; digits and other text kept as they are. */
    private static String words(String part) {
        StringBuilder out = new StringBuilder(part.length() + 4);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean wordStart = Character.isUpperCase(c)
                    && i > 0
                    && !Character.isUpperCase(part.charAt(i - 1))
                    && part.charAt(i - 1) != '-';
            if (wordStart) {
                out.append(' ');
            }
            boolean firstOfWord = i == 0 && part.length() > 1 && Character.isLowerCase(part.charAt(1));
            out.append(wordStart || firstOfWord ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
