package no.overdosevarsel.subscriber.subscription;

import no.overdosevarsel.contracts.subscription.Channel;

/**
 * Addresses as administrators see them in lists: enough to tell one contact point from another and to recognise an
 * organisation's domain ({@code +4791****67}, {@code k***@gatehospitalet.no}), not enough to text or mail anyone. An
 * administrator who knows the whole address can still find it by searching for it.
 */
final class MaskedAddresses {

    private MaskedAddresses() {}

    static String mask(Channel channel, String address) {
        return switch (channel) {
            case SMS -> phone(address);
            case EMAIL -> email(address);
        };
    }

    /** E.164: the country code and first digit(s) and the last two digits stay. */
    private static String phone(String number) {
        if (number.length() < 9) {
            return "*".repeat(number.length());
        }
        int keepStart = number.length() - 6;
        return number.substring(0, keepStart)
                + "*".repeat(number.length() - keepStart - 2)
                + number.substring(number.length() - 2);
    }

    /** The first character of the local part and the whole domain stay. */
    private static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
