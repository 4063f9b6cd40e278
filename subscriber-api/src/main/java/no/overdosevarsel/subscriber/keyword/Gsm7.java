package no.overdosevarsel.subscriber.keyword;

import no.overdosevarsel.contracts.sms.SmsSegments;

/**
 * The GSM 03.38 default alphabet: an SMS in it carries 160 characters in one segment, while a single character outside
 * it (a curly quote, a Sámi letter) makes the whole message UCS-2 with 70 per segment.
 */
final class Gsm7 {

    /** One segment of a message that is not split. */
    static final int SEGMENT_SEPTETS = 160;

    private Gsm7() {}

    static boolean encodable(String text) {
        return SmsSegments.isGsm7(text);
    }

    /** The septets the text takes; only meaningful for {@link #encodable} text. */
    static int septets(String text) {
        return SmsSegments.units(text);
    }

    static boolean oneSegment(String text) {
        return encodable(text) && septets(text) <= SEGMENT_SEPTETS;
    }

    /** The text with every character outside the basic alphabet replaced by '?', for echoing what a person typed. */
    static String sanitised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(SmsSegments.isBasic(c) ? (char) c : '?'));
        return out.toString();
    }
}
