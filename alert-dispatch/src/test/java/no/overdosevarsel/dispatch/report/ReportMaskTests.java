package no.overdosevarsel.dispatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportMaskTests {

    @Test
    void phoneNumberKeepsOnlyItsLastTwoDigits() {
        assertThat(PersonalData.maskAddress("SMS", "+4791234578")).isEqualTo("******78");
        assertThat(PersonalData.maskAddress("SMS", "7")).isEqualTo("******");
    }

    @Test
    void emailKeepsItsFirstLetterAndDomain() {
        assertThat(PersonalData.maskAddress("EMAIL", "Kari.Nordmann@Oslo.Kommune.no"))
                .isEqualTo("K***@oslo.kommune.no");
        assertThat(PersonalData.maskAddress("EMAIL", "øystein@example.no")).isEqualTo("ø***@example.no");
        assertThat(PersonalData.maskAddress("EMAIL", "@broken")).isEqualTo("******");
    }

    @Test
    void addressesQuotedInProviderMessagesAreMaskedButErrorCodesSurvive() {
        String masked = PersonalData.maskText(
                "550 5.1.1 <kari@example.no>: Recipient address rejected; The 'To' number +4791234578 is not valid (21211)");

        assertThat(masked)
                .isEqualTo("550 5.1.1 <k***@example.no>: Recipient address rejected; "
                        + "The 'To' number ******78 is not valid (21211)")
                .doesNotContain("kari@", "91234578");
    }

    @Test
    void twilioReasonsGiveProviderCodeAndMessage() {
        assertThat(FailureReason.parse("twilio 400/21211 invalid number"))
                .isEqualTo(new FailureReason("twilio", "21211", "invalid number"));
        assertThat(FailureReason.parse("twilio 400/21610 opted out"))
                .isEqualTo(new FailureReason("twilio", "21610", "opted out"));
        assertThat(FailureReason.parse("twilio undelivered/30003"))
                .isEqualTo(new FailureReason("twilio", "30003", "undelivered"));
        assertThat(FailureReason.parse("twilio 400/21604 A 'To' phone number +4791234578 is required."))
                .isEqualTo(new FailureReason("twilio", "21604", "A 'To' phone number ******78 is required."));
        assertThat(FailureReason.parse("twilio 503/?")).isEqualTo(new FailureReason("twilio", null, null));
    }

    @Test
    void smtpReasonsGiveTheReplyCodeAndAMaskedMessage() {
        assertThat(FailureReason.parse("smtp rejected: 550 5.1.1 <ola@example.org>... User unknown"))
                .isEqualTo(new FailureReason("smtp", "550", "550 5.1.1 <o***@example.org>... User unknown"));
        assertThat(FailureReason.parse("smtp authentication failed"))
                .isEqualTo(new FailureReason("smtp", null, "smtp authentication failed"));
    }

    @Test
    void otherReasonsAreKeptMaskedWithoutProvider() {
        assertThat(FailureReason.parse("unbuildable message: bad address ola@example.org"))
                .isEqualTo(new FailureReason(null, null, "unbuildable message: bad address o***@example.org"));
        assertThat(FailureReason.parse(null)).isEqualTo(new FailureReason(null, null, null));
    }
}
