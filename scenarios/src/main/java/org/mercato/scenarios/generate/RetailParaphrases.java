package org.mercato.scenarios.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-written requests that describe a retail category's product without any word of its name
 * (after the lexical index's analysis: no stem of "Stapler" in "something to fasten sheets of paper
 * together"), so that a shopper asking them is found only by a search that understands meaning.
 * They also avoid the listing adjectives and the letters that end listing names. A category of a
 * later round ({@code "Stapler 2"}) is described like its first round: its number is not said.
 */
final class RetailParaphrases {
    /** Several descriptions per entry of {@link RetailGenerator#CATEGORIES}, in the same order. */
    private static final List<List<String>> BY_CATEGORY = List.of(
            List.of(
                    "something to fasten sheets of paper together",
                    "an office gadget that binds loose pages with little metal clips",
                    "a desktop tool for clipping documents into a bundle"),
            List.of(
                    "something to brush my teeth with",
                    "minty gel for cleaning teeth and fresh breath",
                    "dental cream in a tube for brushing"),
            List.of(
                    "cordless audio gear that sits over my ears",
                    "bluetooth earphones to listen to music without cables",
                    "something to hear podcasts privately on the bus without any cord"),
            List.of(
                    "a kitchen appliance that brews a hot drink from ground beans",
                    "a machine that brews my morning espresso",
                    "something for brewing a fresh pot of java at breakfast"),
            List.of(
                    "a bag to carry my laptop and books on my shoulders",
                    "a rucksack for school or hiking",
                    "a daypack with straps and zipped pockets"),
            List.of(
                    "an adjustable reading light for my study table",
                    "something to brighten my workspace at night",
                    "a bedside light with a bendable neck"),
            List.of(
                    "a reusable flask to drink from at the gym",
                    "something to keep my drinks cold on a hike",
                    "a refillable container for staying hydrated"),
            List.of(
                    "a non-slip pad for stretching exercises on the floor",
                    "something soft to do pilates on",
                    "a cushioned floor pad for my workouts"),
            List.of(
                    "a cable and plug to power up my mobile",
                    "an adapter to top up my cell's battery",
                    "something that refills the battery of my handset overnight"),
            List.of(
                    "a pad of lined paper for jotting down ideas",
                    "something to write in during lectures",
                    "a journal with blank pages to sketch and write"),
            List.of(
                    "lotion to protect my skin at the beach",
                    "something to prevent sunburn on holiday",
                    "spf cream for a long day outdoors"),
            List.of(
                    "liquid for washing the plates after dinner",
                    "a detergent to clean pots and pans by hand",
                    "something to get grease off my cookware"),
            List.of(
                    "sneakers for jogging",
                    "trainers for my morning jog in the park",
                    "comfortable footwear for a marathon"),
            List.of(
                    "a kitchen appliance that purees fruit into smoothies",
                    "a machine to crush ice and mix milkshakes",
                    "something to puree soups and sauces"),
            List.of(
                    "something to keep me dry in the rain",
                    "a folding canopy for rainy days",
                    "protection from showers on my walk to work"),
            List.of(
                    "a tabletop pastime with dice and cards for friends",
                    "something fun to play with the family on a weekend evening",
                    "a strategy pastime for family nights around the table"));

    private RetailParaphrases() {}

    /** Every description of the category with this index, in order. */
    static List<String> of(int categoryIndex) {
        return BY_CATEGORY.get(categoryIndex % BY_CATEGORY.size());
    }

    /** One description of the category, chosen with {@code random} (one draw). */
    static String pick(SplittableRandom random, int categoryIndex) {
        List<String> choices = of(categoryIndex);
        return choices.get(random.nextInt(choices.size()));
    }
}
