package no.overdosevarsel.dispatch.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.subscription.Channel;

/**
 * Keeps contact details out of the report: enough of an address to tell two recipients apart or recognise one's own
 * (the last two digits, the first letter and the domain), never the whole.
 */
final class PersonalData {

    private static final String HIDDEN = "******";

    private static final Pattern EMAIL =
            Pattern.compile("([\\p{L}\\p{N}._%+'!#$&*/=?^`{|}~-]+)@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");

    // Eight or more digits in a row, as an MSISDN appears in provider messages; shorter numbers are error codes.
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d{8,15}(?!\\w)");

    private PersonalData() {}

    static String maskAddress(String channel, String address) {
        if (Channel.EMAIL.name().equals(channel) || address.contains("@")) {
            return maskEmail(address);
        }
        return maskPhone(address);
    }

    /** {@code +4791234578} becomes {@code ******78}. */
    static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 2 ? HIDDEN : HIDDEN + digits.substring(digits.length() - 2);
    }

    /** {@code kari.nordmann@example.no} becomes {@code k***@example.no}. */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return HIDDEN;
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***@"
                + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Masks every email address and phone number inside a provider's free-text message. */
    static String maskText(String text) {
        Matcher emails = EMAIL.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (emails.find()) {
            emails.appendReplacement(masked, Matcher.quoteReplacement(maskEmail(emails.group())));
        }
        emails.appendTail(masked);
        Matcher phones = PHONE.matcher(masked.toString());
        StringBuilder result = new StringBuilder();
        while (phones.find()) {
            phones.appendReplacement(result, Matcher.quoteReplacement(maskPhone(phones.group())));
        }
        phones.appendTail(result);
        return result.toString();
    }
}
