package no.overdosevarsel.contracts.sms;

/**
 * Counts SMS segments the way handsets do: GSM 03.38 7-bit text (æøåÆØÅ are in the basic set) is 160 septets in one
 * message or 153 per part, an extension character (€, [, …) taking two; anything outside the alphabet (emoji, most
 * Sámi letters) makes the whole message UCS-2, 70 UTF-16 units in one message or 67 per part.
 */
public final class SmsSegments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    /** True when the character is in the basic GSM-7 set (one septet). */
    public static boolean isBasic(int codePoint) {
        return codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0;
    }

    /** True when the whole text can be sent as GSM-7. */
    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> isBasic(c) || EXTENSION.indexOf(c) >= 0);
    }

    /** Septets for GSM-7 text, UTF-16 code units otherwise. */
    public static int units(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        return text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    public static int count(String text) {
        boolean gsm = isGsm7(text);
        int units = units(text);
        if (units <= (gsm ? 160 : 70)) {
            return 1;
        }
        int part = gsm ? 153 : 67;
        return (units + part - 1) / part;
    }
}
