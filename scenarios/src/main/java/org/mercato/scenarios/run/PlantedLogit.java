package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.agents.base.PolicyParams;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.Scenario;

/**
 * The choice-logit coefficients a scenario planted, by the names the fit gives its covariates, for
 * the report to mark beside the estimates. Only a market whose shoppers all follow {@code logit}
 * with the same parameters plants a value the pooled fit should recover; any other mix (or an
 * {@code attention-bounded} shopper, whose normal judgement error is not a logit) plants none.
 */
public record PlantedLogit(Map<String, Double> byCovariate, String by) {
    /** The sweep metrics' prefix of the planted values, one per covariate ({@code plantedLogit.row2}). */
    public static final String METRIC = "plantedLogit.";

    static final PlantedLogit NONE = new PlantedLogit(Map.of(), "");

    private static final Pattern POSITION = Pattern.compile("(rank|row|column)(\\d+)");

    public static PlantedLogit of(Scenario scenario, ChoiceLogitFold.ChoiceLogit logit) {
        if (scenario == null || logit == null || logit.fit() == null) {
            return NONE;
        }
        List<Integer> groups = new ArrayList<>();
        LogitAssistant.Coefficients beta = null;
        List<AgentGroupConfig> assistants = scenario.agents().assistants();
        for (int i = 0; i < assistants.size(); i++) {
            AgentGroupConfig group = assistants.get(i);
            if (group.count() != null && group.count() == 0) {
                continue;
            }
            if (!group.policy().equals(LogitAssistant.ENTRY.name())) {
                return NONE;
            }
            var these = LogitAssistant.coefficients(new PolicyParams(group.policy(), group.params()));
            if (beta != null && !beta.equals(these)) {
                return NONE;
            }
            beta = these;
            groups.add(i);
        }
        if (beta == null) {
            return NONE;
        }
        Map<String, Double> planted = new TreeMap<>();
        for (ChoiceLogitFold.Coefficient c : logit.fit().coefficients()) {
            Double value = value(beta, c.name());
            if (value != null) {
                planted.put(c.name(), value);
            }
        }
        String by = "the logit shoppers' parameters (agents.assistants"
                + (groups.size() == 1 ? "[" + groups.get(0) + "]" : " " + groups)
                + ".params)";
        return new PlantedLogit(planted, by);
    }

    /**
     * The planted value of one covariate: a position dummy is the slope times its distance from the
     * first position (1), a badge dummy the badge's coefficient; null for what the shoppers do not
     * plant (product effects, unknown tags).
     */
    static Double value(LogitAssistant.Coefficients beta, String covariate) {
        Matcher position = POSITION.matcher(covariate);
        if (position.matches()) {
            double slope = switch (position.group(1)) {
                case "rank" -> beta.rank();
                case "row" -> beta.row();
                default -> beta.column();
            };
            return slope * (Integer.parseInt(position.group(2)) - 1);
        }
        return switch (covariate) {
            case "logPrice" -> beta.logPrice();
            case "rating" -> beta.rating();
            case "logReviews" -> beta.logReviews();
            case "tag:sponsored" -> beta.sponsored();
            case "tag:overall-pick" -> beta.overallPick();
            default -> covariate.startsWith("tag:scarcity:") ? beta.scarcity() : null;
        };
    }
}
