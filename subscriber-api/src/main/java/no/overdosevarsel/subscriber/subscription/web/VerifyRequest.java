package no.overdosevarsel.subscriber.subscription.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import no.overdosevarsel.contracts.subscription.Channel;

/**
 * The body of {@code POST /api/subscribers/{id}/verify}; both fields are required.
 *
 * @param channel {@code SMS} or {@code EMAIL}, ignoring case
 * @param code the six digits from the message, also as "123 456"; anything else is a field error and no attempt
 */
record VerifyRequest(
        @NotBlank @Pattern(regexp = "(?i)\\s*(SMS|EMAIL)\\s*", message = "{validation.channel.unknown}")
        String channel,

        @NotBlank @Pattern(regexp = "\\s*\\d{3}\\s?\\d{3}\\s*", message = "{validation.code.format}")
        String code) {

    Channel parsedChannel() {
        return SubscribeRequest.channel(channel).orElseThrow();
    }

    /** The six digits of the code. */
    String digits() {
        return code.replaceAll("\\s", "");
    }
}
