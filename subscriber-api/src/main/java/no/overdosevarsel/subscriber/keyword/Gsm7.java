package no.overdosevarsel.subscriber.keyword;

/**
 * The GSM 03.38 default alphabet: an SMS in it carries 160 characters in one segment, while a single character outside
 * it (a curly quote, a Sámi letter) makes the whole message UCS-2 with 70 per segment.
 */
final class Gsm7 {

    /** One segment of a message that is not split. */
    static final int SEGMENT_SEPTETS = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Characters of the extension table, sent as an escape and the character: two septets each. */
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {}

    static boolean encodable(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** The septets the text takes; only meaningful for {@link #encodable} text. */
    static int septets(String text) {
        return text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    static boolean oneSegment(String text) {
        return encodable(text) && septets(text) <= SEGMENT_SEPTETS;
    }

    /** The text with every character outside the alphabet replaced by '?', for echoing what a person typed. */
    static String sanitised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c < 0x10000 && BASIC.indexOf(c) >= 0 ? (char) c : '?'));
        return out.toString();
    }
}
