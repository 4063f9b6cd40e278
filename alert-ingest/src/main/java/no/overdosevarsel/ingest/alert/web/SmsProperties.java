package no.overdosevarsel.ingest.alert.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an alert's SMS may be. alert-dispatch renders the SMS with the shared
 * {@link no.overdosevarsel.contracts.sms.AlertSms} and drops regions and advice to fit; what must always fit is the
 * headline with the fixed parts around it (type, link to the alert page, how to stop). Both settings must match
 * alert-dispatch's.
 *
 * @param maxSegments the most segments an alert SMS may take (alert-dispatch's {@code overdosevarsel.sms.max-segments})
 * @param alertPageBaseUrl where alert pages are served (alert-dispatch's {@code overdosevarsel.links.public-base-url}):
 *     the link in the SMS is this plus {@code /varsel/<id>}
 */
@ConfigurationProperties("overdosevarsel.alerts.sms")
record SmsProperties(
        @DefaultValue("3") int maxSegments,
        @DefaultValue("http://localhost:8083") String alertPageBaseUrl) {

    /** The longest link an alert's SMS can carry: every alert id has the same length. */
    String exampleAlertPageLink() {
        String base = alertPageBaseUrl.endsWith("/")
                ? alertPageBaseUrl.substring(0, alertPageBaseUrl.length() - 1)
                : alertPageBaseUrl;
        return base + "/varsel/00000000-0000-0000-0000-000000000000";
    }
}
