package no.overdosevarsel.subscriber.subscription;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.subscription.Channel;

/**
 * Contact addresses in the one form they are stored, compared and sent in, so that the same person typing the same
 * number differently is still one contact point.
 */
public final class ContactAddresses {

    /** Numbers without a country code are Norwegian. */
    static final String DEFAULT_REGION = "NO";

    /** Numbers that can receive an SMS; Norwegian landlines, for instance, cannot. */
    private static final Set<PhoneNumberType> TEXTABLE =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private static final int MAX_EMAIL_LENGTH = 254;

    /** One plain address: no display name, no list, nothing a mail header could be split or quoted on. */
    private static final String NOT_IN_ADDRESS = "@\\s\\p{Cntrl},;:<>()\\[\\]\\\\\"";

    private static final String LABEL = "[^." + NOT_IN_ADDRESS + "]+";
    private static final Pattern EMAIL = Pattern.compile("[^" + NOT_IN_ADDRESS + "]+@" + LABEL + "(\\." + LABEL + ")+");

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private ContactAddresses() {}

    /** The address for a channel, normalised; empty if it is not a valid address for that channel. */
    public static Optional<String> normalise(Channel channel, String address) {
        return switch (channel) {
            case SMS -> phone(address);
            case EMAIL -> email(address);
        };
    }

    /**
     * A mobile number in E.164: "912 34 567", "+47 912 34 567" and "0047 91234567" are all {@code +4791234567}. Empty
     * for anything that is not a valid number able to receive SMS.
     */
    public static Optional<String> phone(String text) {
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(text.strip(), DEFAULT_REGION);
            if (!PHONE_NUMBERS.isValidNumber(number) || !TEXTABLE.contains(PHONE_NUMBERS.getNumberType(number))) {
                return Optional.empty();
            }
            return Optional.of(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * An email address with its domain lower-cased ({@code Ola.Nordmann@Example.NO} is
     * {@code Ola.Nordmann@example.no}); the local part is kept as typed, since mail servers may tell case apart there.
     * Empty for anything that does not look like one address.
     */
    public static Optional<String> email(String text) {
        String address = text.strip();
        if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
            return Optional.empty();
        }
        int at = address.indexOf('@');
        return Optional.of(
                address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
