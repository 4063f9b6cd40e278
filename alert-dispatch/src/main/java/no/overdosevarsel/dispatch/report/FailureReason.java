package no.overdosevarsel.dispatch.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stored failure reason split into provider, provider error code and message, as the channels write them:
 * {@code twilio 400/21211 invalid number}, {@code twilio undelivered/30003} (from a status callback),
 * {@code smtp rejected: 550 5.1.1 …}. The message is masked: providers quote the address they refused.
 */
record FailureReason(
        @Nullable String provider,
        @Nullable String code,
        @Nullable String message) {

    private static final int MAX_MESSAGE = 300;

    private static final Pattern TWILIO = Pattern.compile("^twilio (\\S+)/(\\S+)(?: (.*))?$", Pattern.DOTALL);
    private static final Pattern SMTP = Pattern.compile("^smtp(?: [a-z]+)*:? ?(.*)$", Pattern.DOTALL);
    private static final Pattern SMTP_CODE = Pattern.compile("(?:^|\\s)([245]\\d\\d)(?=[ -]|$)");

    static FailureReason parse(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return new FailureReason(null, null, null);
        }
        String text = reason.strip();
        Matcher twilio = TWILIO.matcher(text);
        if (twilio.matches()) {
            String code = "?".equals(twilio.group(2)) ? null : twilio.group(2);
            String message = twilio.group(3);
            if (message == null && !twilio.group(1).chars().allMatch(Character::isDigit)) {
                message = twilio.group(1); // a status callback: "undelivered", "failed"
            }
            return new FailureReason("twilio", code, clean(message));
        }
        Matcher smtp = SMTP.matcher(text);
        if (smtp.matches()) {
            String rest = smtp.group(1);
            Matcher code = SMTP_CODE.matcher(rest);
            return new FailureReason("smtp", code.find() ? code.group(1) : null, clean(rest.isEmpty() ? text : rest));
        }
        return new FailureReason(null, null, clean(text));
    }

    private static @Nullable String clean(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String masked = PersonalData.maskText(message.strip());
        return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
