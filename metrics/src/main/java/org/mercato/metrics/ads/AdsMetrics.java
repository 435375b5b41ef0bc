package org.mercato.metrics.ads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The sponsored slots of one run, in currency units: auctions, slots offered and filled, bids,
 * advertisers, sponsored choices (payments to a service that won a slot on the paying customer's
 * page), charges and the platform's ad revenue, the mean price of a filled slot, advertisers'
 * producer surplus (their value from the market), their surplus after ad spend, spend by service,
 * and (with {@code market.ads.counterfactual}) the welfare against the same run without ads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "mechanism",
    "auctions",
    "slotsOffered",
    "slotsFilled",
    "fillRate",
    "bids",
    "advertisers",
    "sponsoredChoices",
    "charges",
    "platformRevenue",
    "meanPrice",
    "advertiserValue",
    "advertiserSurplus",
    "spendByService",
    "counterfactual"
})
public record AdsMetrics(
        String mechanism,
        long auctions,
        long slotsOffered,
        long slotsFilled,
        Double fillRate,
        long bids,
        int advertisers,
        long sponsoredChoices,
        long charges,
        BigDecimal platformRevenue,
        BigDecimal meanPrice,
        BigDecimal advertiserValue,
        BigDecimal advertiserSurplus,
        Map<String, BigDecimal> spendByService,
        Counterfactual counterfactual) {

    /**
     * Total welfare (Magentic customer utility plus producer surplus; ad charges are transfers from
     * advertisers to the platform and cancel out) with ads, in the same run without ads, and the
     * difference (with − without).
     */
    @JsonPropertyOrder({"welfareWithAds", "welfareWithoutAds", "welfareEffect"})
    public record Counterfactual(BigDecimal welfareWithAds, BigDecimal welfareWithoutAds, BigDecimal welfareEffect) {
        public static Counterfactual of(BigDecimal with, BigDecimal without) {
            return new Counterfactual(with, without, with.subtract(without));
        }
    }

    public AdsMetrics withCounterfactual(Counterfactual counterfactual) {
        return new AdsMetrics(
                mechanism,
                auctions,
                slotsOffered,
                slotsFilled,
                fillRate,
                bids,
                advertisers,
                sponsoredChoices,
                charges,
                platformRevenue,
                meanPrice,
                advertiserValue,
                advertiserSurplus,
                spendByService,
                counterfactual);
    }
}
