package no.overdosevarsel.ingest.alert.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an alert's SMS may be. alert-dispatch renders the SMS and drops regions and advice to fit; what must always
 * fit is the headline with the fixed parts around it (type, link, how to stop), reserved here as GSM-7 characters.
 *
 * @param maxSegments the most segments an alert SMS may take (alert-dispatch's {@code max-segments})
 * @param reservedCharacters room for the fixed parts of the SMS beside the headline
 */
@ConfigurationProperties("overdosevarsel.alerts.sms")
record SmsProperties(
        @DefaultValue("3") int maxSegments,
        @DefaultValue("110") int reservedCharacters) {}
