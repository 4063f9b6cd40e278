package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.sms.AlertSms;
import no.overdosevarsel.dispatch.web.PublicLinks;

/**
 * Renders an alert as one SMS in the subscriber's language that fits the configured number of segments, with the
 * rendering shared with alert-ingest ({@link AlertSms}), so that a headline alert-ingest accepted is sent in full:
 * type and headline, link and how to stop always; regions and advice lines as room allows.
 */
final class SmsAlertText {

    private final AlertSms sms;
    private final PublicLinks links;

    SmsAlertText(RegionCatalogue regions, PublicLinks links, int maxSegments) {
        this.sms = new AlertSms(regions, maxSegments);
        this.links = links;
    }

    String render(AlertEvent alert, String language) {
        return sms.render(alert, language, links.alertPage(alert.alertId()));
    }
}
