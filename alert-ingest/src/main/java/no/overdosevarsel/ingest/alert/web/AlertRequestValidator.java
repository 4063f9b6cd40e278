package no.overdosevarsel.ingest.alert.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.sms.AlertSms;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of an {@link AlertRequest} that Bean Validation cannot express: region codes from the catalogue, an expiry
 * after the alert takes effect and after now, and a headline that fits the SMS (GSM-7 or UCS-2). Runs beside Bean
 * Validation, so a client sees every invalid field in one answer.
 */
@Component
class AlertRequestValidator implements Validator {

    private final RegionCatalogue regions;
    private final Clock clock;
    private final SmsProperties sms;
    private final AlertSms smsText;

    AlertRequestValidator(RegionCatalogue regions, Clock clock, SmsProperties sms) {
        this.regions = regions;
        this.clock = clock;
        this.sms = sms;
        this.smsText = new AlertSms(regions, sms.maxSegments());
    }

    @Override
    public boolean supports(Class<?> type) {
        return AlertRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        AlertRequest request = (AlertRequest) target;
        rejectUnknownRegions(request.regions(), errors);
        rejectBadExpiry(request, errors);
        rejectHeadlineTooLongForSms("headline", request.headline(), "nb", errors);
        if (request.english() != null) {
            rejectHeadlineTooLongForSms("english.headline", request.english().headline(), "en", errors);
        }
    }

    /**
     * The headline with the SMS's fixed parts must fit, exactly as alert-dispatch renders it, for a first alert, an
     * update and a cancellation alike (the draft will be all three): an emoji turns the whole SMS into UCS-2.
     */
    private void rejectHeadlineTooLongForSms(String field, String headline, String language, Errors errors) {
        if (headline == null || headline.isBlank() || errors.hasFieldErrors(field)) {
            return;
        }
        String link = sms.exampleAlertPageLink();
        boolean fits =
                Arrays.stream(MsgType.values()).allMatch(type -> smsText.keepsHeadline(type, headline, link, language));
        if (!fits) {
            errors.rejectValue(
                    field,
                    "validation.alert.headline.sms-segments",
                    new Object[] {sms.maxSegments()},
                    "makes the SMS longer than " + sms.maxSegments() + " segments");
        }
    }

    private void rejectUnknownRegions(List<String> codes, Errors errors) {
        // Straight from JSON: the list may be null, or hold nulls, until Bean Validation has had its say.
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code != null && !code.isBlank() && regions.find(code).isEmpty()) {
                errors.rejectValue(
                        "regions[" + i + "]",
                        "validation.region.unknown",
                        new Object[] {code},
                        "Unknown region code '" + code + "'");
            }
        }
    }

    private void rejectBadExpiry(AlertRequest request, Errors errors) {
        Instant expires = request.expires();
        if (expires == null) {
            return; // the default always lies after the start
        }
        Instant now = clock.instant();
        Instant effective = request.effective() != null ? request.effective() : now;
        if (!expires.isAfter(effective)) {
            errors.rejectValue("expires", "validation.alert.expires-not-after-effective", "must be after effective");
        } else if (!expires.isAfter(now)) {
            errors.rejectValue("expires", "validation.alert.expires-in-past", "must be in the future");
        }
    }
}
