package no.overdosevarsel.subscriber.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class VerificationMessagesTests {

    /** The GSM 03.38 default alphabet, without the escape table (whose characters take two places). */
    private static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");
    private static final Instant SENT = Instant.parse("2026-03-02T10:15:30Z");
    private static final Instant NOT_AFTER = SENT.plus(Duration.ofMinutes(15));

    private final VerificationMessages messages = new VerificationMessages(bundle());

    @Test
    void theBokmalSmsReadsAsAgreed() {
        DirectMessage sms = messages.verificationCode(
                Channel.SMS, "+4791234567", Locale.forLanguageTag("nb"), "123456", SENT, NOT_AFTER);

        assertThat(sms.body())
                .isEqualTo("Overdosevarsel: Koden din er 123456. Den gjelder i 15 minutter. Har du ikke bedt om dette,"
                        + " kan du se bort fra meldingen.");
        assertThat(sms.subject()).isNull();
        assertThat(sms.purpose()).isEqualTo(DirectMessage.Purpose.VERIFICATION_CODE);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.to()).isEqualTo("+4791234567");
        assertThat(sms.language()).isEqualTo("nb");
        assertThat(sms.createdAt()).isEqualTo(SENT);
        assertThat(sms.notAfter()).isEqualTo(NOT_AFTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "en"})
    void theSmsIsOneGsm7SegmentWithTheCodeAsItsOnlySixDigitNumber(String language) {
        DirectMessage sms = messages.verificationCode(
                Channel.SMS, "+4791234567", Locale.forLanguageTag(language), "098765", SENT, NOT_AFTER);

        assertThat(sms.body().length()).isLessThanOrEqualTo(160);
        assertThat(sms.body().chars()).allMatch(c -> GSM_7.indexOf(c) >= 0);
        assertThat(onlySixDigitNumber(sms.body())).isEqualTo("098765");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "en"})
    void theEmailHasASubjectAndTheCodeAsTheOnlySixDigitNumber(String language) {
        DirectMessage email = messages.verificationCode(
                Channel.EMAIL, "kari@example.no", Locale.forLanguageTag(language), "000042", SENT, NOT_AFTER);

        assertThat(email.subject()).isNotBlank().contains("Overdosevarsel").doesNotContain("000042");
        assertThat(onlySixDigitNumber(email.body())).isEqualTo("000042");
        assertThat(email.body()).contains("15");
        assertThat(email.language()).isEqualTo(language);
    }

    @Test
    void theEnglishMessagesAreInEnglish() {
        Locale english = Locale.ENGLISH;

        assertThat(messages.verificationCode(Channel.SMS, "+4791234567", english, "123456", SENT, NOT_AFTER)
                        .body())
                .startsWith("Overdosevarsel: Your code is 123456. It is valid for 15 minutes.");
        assertThat(messages.verificationCode(Channel.EMAIL, "kari@example.no", english, "123456", SENT, NOT_AFTER)
                        .subject())
                .isEqualTo("Overdosevarsel: confirm your email address");
    }

    private static String onlySixDigitNumber(String text) {
        Matcher matcher = SIX_DIGITS.matcher(text);
        assertThat(matcher.find()).as("a six-digit number in %s", text).isTrue();
        String code = matcher.group();
        assertThat(matcher.find()).as("a second six-digit number in %s", text).isFalse();
        return code;
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/subscriber-messages", "i18n/platform-messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
