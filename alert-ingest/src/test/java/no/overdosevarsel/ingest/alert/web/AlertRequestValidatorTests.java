package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

class AlertRequestValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final AlertRequestValidator validator = new AlertRequestValidator(
            RegionCatalogue.norway(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SmsProperties(3, "https://overdosevarsel.no"));

    @Test
    void rejectsEachRegionCodeNotInTheCatalogueNamingIt() {
        Errors errors = validate(request(List.of("0301", "NO-99", " no-03 ", "9999"), null, null));

        assertThat(errors.getFieldErrors())
                .extracting(FieldError::getField, FieldError::getCode, e -> e.getArguments()[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("regions[1]", "validation.region.unknown", "NO-99"),
                        org.assertj.core.groups.Tuple.tuple("regions[3]", "validation.region.unknown", "9999"));
    }

    @Test
    void acceptsAnAlertWithoutTimesInKnownRegions() {
        assertThat(validate(request(List.of("NO", "NO-03", "5001"), null, null)).hasErrors())
                .isFalse();
    }

    @Test
    void rejectsAnExpiryThatIsNotAfterTheStart() {
        Instant effective = NOW.plus(Duration.ofDays(2));

        assertThat(codesOf(validate(request(List.of("NO"), effective, effective.minusSeconds(1)))))
                .containsExactly("validation.alert.expires-not-after-effective");
        assertThat(codesOf(validate(request(List.of("NO"), effective, effective))))
                .containsExactly("validation.alert.expires-not-after-effective");
    }

    @Test
    void measuresTheExpiryFromNowWhenTheStartIsLeftOut() {
        assertThat(codesOf(validate(request(List.of("NO"), null, NOW.minusSeconds(60)))))
                .containsExactly("validation.alert.expires-not-after-effective");
        assertThat(validate(request(List.of("NO"), null, NOW.plusSeconds(60))).hasErrors())
                .isFalse();
    }

    @Test
    void rejectsAnAlertThatWouldAlreadyHaveExpired() {
        Instant effective = NOW.minus(Duration.ofDays(3));

        assertThat(codesOf(validate(request(List.of("NO"), effective, NOW.minus(Duration.ofDays(1))))))
                .containsExactly("validation.alert.expires-in-past");
    }

    @Test
    void acceptsAFullLengthHeadlineInGsm7WithNorwegianLetters() {
        String headline =
                "Blå piller med nitazener i Tromsø og Ålesund: ".repeat(4).substring(0, 140);

        assertThat(validate(withHeadline(headline)).hasErrors()).isFalse();
    }

    @Test
    void rejectsAHeadlineWhoseEmojiMakeTheSmsTooLong() {
        String headline =
                "⚠️ Blå piller med nitazener i Tromsø og Ålesund ".repeat(4).substring(0, 130);

        assertThat(codesOf(validate(withHeadline(headline)))).containsExactly("validation.alert.headline.sms-segments");
        assertThat(validate(withHeadline("⚠️ Nitazener i Oslo")).hasErrors())
                .as("a short one still fits")
                .isFalse();
    }

    @Test
    void theLimitIsExactlyWhatDispatchSends() {
        // UCS-2 (the warning sign is not GSM-7): 3 segments are 201 units. The longest type word, "OPPDATERT: ", the
        // full stop, " Mer: " + https://overdosevarsel.no/varsel/<36-character id> and " Stopp: svar STOPP" take
        // 11 + 1 + 6 + 69 + 18 = 105, leaving 96 for the headline.
        String fits = "⚠" + "a".repeat(95);

        assertThat(validate(withHeadline(fits)).hasErrors()).isFalse();
        assertThat(codesOf(validate(withHeadline(fits + "a"))))
                .containsExactly("validation.alert.headline.sms-segments");
    }

    private static AlertRequest withHeadline(String headline) {
        AlertRequest r = request(List.of("NO"), null, null);
        return new AlertRequest(
                r.status(),
                r.severity(),
                r.urgency(),
                r.certainty(),
                r.evidenceSource(),
                r.event(),
                headline,
                r.description(),
                r.instruction(),
                r.substances(),
                r.regions(),
                r.effective(),
                r.expires(),
                r.contact(),
                r.web(),
                r.english());
    }

    private Errors validate(AlertRequest request) {
        Errors errors = new BeanPropertyBindingResult(request, "alertRequest");
        validator.validate(request, errors);
        return errors;
    }

    private static List<@Nullable String> codesOf(Errors errors) {
        return errors.getFieldErrors().stream().map(FieldError::getCode).toList();
    }

    private static AlertRequest request(List<String> regions, @Nullable Instant effective, @Nullable Instant expires) {
        return new AlertRequest(
                null,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                EvidenceSource.DRUG_CHECKING,
                "Nitazener i heroin",
                "Heroin med nitazener",
                "Brunt pulver",
                List.of("Ikke bruk alene"),
                null,
                regions,
                effective,
                expires,
                null,
                null,
                null);
    }
}
