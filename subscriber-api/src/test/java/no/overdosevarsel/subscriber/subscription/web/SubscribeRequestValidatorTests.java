package no.overdosevarsel.subscriber.subscription.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.Language;
import no.overdosevarsel.subscriber.subscription.NewSubscriber;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

class SubscribeRequestValidatorTests {

    private final SubscribeRequestValidator validator = new SubscribeRequestValidator(RegionCatalogue.norway());

    @Test
    void acceptsAPhoneAndAnEmailWithBothChannels() {
        SubscribeRequest request =
                request("912 34 567", "kari@example.no", List.of("sms", "EMAIL"), List.of("0301", "NO"));

        assertThat(errors(request)).isEmpty();
        assertThat(request.toNewSubscriber())
                .isEqualTo(new NewSubscriber(
                        "Kari",
                        null,
                        Map.of(Channel.SMS, "912 34 567", Channel.EMAIL, "kari@example.no"),
                        List.of("0301", "NO"),
                        Language.NB,
                        Severity.Minor));
    }

    @Test
    void needsAPhoneOrAnEmail() {
        assertThat(errors(request(null, " ", List.of("SMS"), List.of("0301"))))
                .containsExactly("phone: validation.contact.missing", "email: validation.contact.missing");
    }

    @Test
    void refusesInvalidAddressesWithoutQuotingThem() {
        Errors errors = validate(request("123", "kari@", List.of("SMS", "EMAIL"), List.of("0301")));

        assertThat(codes(errors)).containsExactly("phone: validation.phone.invalid", "email: validation.email.invalid");
        assertThat(errors.getFieldErrors())
                .allSatisfy(error -> assertThat(error.getArguments()).isNullOrEmpty());
    }

    @Test
    void channelsMustMatchTheAddressesGiven() {
        assertThat(errors(request("912 34 567", null, List.of("EMAIL"), List.of("0301"))))
                .containsExactlyInAnyOrder(
                        "channels: validation.channels.sms-missing", "email: validation.email.required");
        assertThat(errors(request("912 34 567", "kari@example.no", List.of("SMS"), List.of("0301"))))
                .containsExactly("channels: validation.channels.email-missing");
        assertThat(errors(request("912 34 567", null, List.of("SMS", "FAX"), List.of("0301"))))
                .containsExactly("channels[1]: validation.channel.unknown");
    }

    @Test
    void refusesUnknownRegionsByPosition() {
        Errors errors = validate(request("912 34 567", null, List.of("SMS"), List.of("0301", "9999", "no-03")));

        assertThat(codes(errors)).containsExactly("regions[1]: validation.region.unknown");
        assertThat(errors.getFieldError("regions[1]").getArguments()).containsExactly("9999");
    }

    @Test
    void refusesAnUnknownLanguageOrSeverity() {
        SubscribeRequest request = new SubscribeRequest(
                "Kari", null, "912 34 567", null, List.of("0301"), List.of("SMS"), "de", "Catastrophic");

        assertThat(errors(request))
                .containsExactly(
                        "language: validation.language.unknown", "minimumSeverity: validation.severity.unknown");
    }

    @Test
    void takesLanguageAndSeverityIgnoringCase() {
        SubscribeRequest request =
                new SubscribeRequest("Kari", null, "912 34 567", null, List.of("0301"), List.of("SMS"), "EN", "severe");

        assertThat(errors(request)).isEmpty();
        assertThat(request.toNewSubscriber().language()).isEqualTo(Language.EN);
        assertThat(request.toNewSubscriber().minimumSeverity()).isEqualTo(Severity.Severe);
    }

    private static SubscribeRequest request(
            @Nullable String phone, @Nullable String email, List<String> channels, List<String> regions) {
        return new SubscribeRequest("Kari", null, phone, email, regions, channels, null, null);
    }

    private Errors validate(SubscribeRequest request) {
        Errors errors = new BeanPropertyBindingResult(request, "subscribeRequest");
        validator.validate(request, errors);
        return errors;
    }

    private List<String> errors(SubscribeRequest request) {
        return codes(validate(request));
    }

    private static List<String> codes(Errors errors) {
        return errors.getFieldErrors().stream()
                .map(error -> error.getField() + ": " + code(error))
                .toList();
    }

    private static String code(FieldError error) {
        String[] codes = error.getCodes();
        return codes == null ? "" : codes[codes.length - 1];
    }
}
