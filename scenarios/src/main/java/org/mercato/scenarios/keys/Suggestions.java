package org.mercato.scenarios.keys;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys and names. */
public final class Suggestions {
    private Suggestions() {}

    /** The known word closest to {@code word}, if it is close enough to be a likely typo. */
    public static String closest(String word, Collection<?> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object candidate : known) {
            String text = String.valueOf(candidate);
            if (Math.abs(word.length() - text.length()) > 3) {
                continue; // too far apart to be a typo, and a huge word would cost a huge table
            }
            int d = distance(word.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = text;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Appends {@code " (did you mean 'x'?)"} when there is a close match. */
    public static String hint(String word, Collection<?> known) {
        String match = closest(word, known);
        return match == null ? "" : " (did you mean '" + match + "'?)";
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
