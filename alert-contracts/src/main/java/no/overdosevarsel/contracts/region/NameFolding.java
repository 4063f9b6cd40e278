package no.overdosevarsel.contracts.region;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a place name into a key that matches however people type it: on a phone without Norwegian letters, in capitals,
 * with or without Sámi diacritics.
 */
final class NameFolding {

    private NameFolding() {}

    /**
     * Folds case, Norwegian and Sámi letters and punctuation: "TROMSØ", "Tromso" and "Tromsoe" all give "tromso";
     * "Bærum" and "Baerum" give "baerum"; "Åsnes" and "Aasnes" give "asnes"; "Kárášjohka" gives "karasjohka".
     */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // These have no Unicode decomposition, so stripping combining marks below would keep them.
            switch (c) {
                case 'æ' -> letters.append("ae");
                case 'ø' -> letters.append('o');
                case 'đ' -> letters.append('d');
                case 'ŋ' -> letters.append('n');
                case 'ŧ' -> letters.append('t');
                default -> letters.append(c);
            }
        }
        String plain = Normalizer.normalize(letters, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String words = plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        // "aa" is the old spelling of å and "oe" how ø is typed without the letter; folding both on both sides keeps
        // every name distinct (tested) while "Aasnes" and "Tromsoe" find what was meant.
        return words.replace("aa", "a").replace("oe", "o");
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring letters,
     * the usual typing mistakes.
     */
    static int distance(String a, String b) {
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
