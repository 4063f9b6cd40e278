package no.overdosevarsel.dispatch.channel.sms;

/**
 * Counts SMS segments the way handsets do: GSM 03.38 7-bit text (æøåÆØÅ are in the basic set) is 160 septets in one
 * message or 153 per part; anything outside it (emoji, most accents) makes the whole message UCS-2, 70 or 67 per part.
 */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {}

    static boolean isGsm7(String text) {
        return text.codePoints().allMatch(cp -> BASIC.indexOf(cp) >= 0 || EXTENSION.indexOf(cp) >= 0);
    }

    /** Septets for GSM-7 text (extension characters take two), or UTF-16 code units for UCS-2. */
    static int units(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    static int segments(String text) {
        boolean gsm = isGsm7(text);
        int units = units(text);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        if (units <= single) {
            return 1;
        }
        return (units + part - 1) / part;
    }

    /** The most units that fit in the given number of segments for this kind of text. */
    static int capacity(boolean gsm, int segments) {
        if (segments <= 1) {
            return gsm ? 160 : 70;
        }
        return segments * (gsm ? 153 : 67);
    }
}
