package no.overdosevarsel.ingest.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for alerts whose time is up; safe with several instances (rows are locked, skipping locked ones). */
@Component
class AlertExpiry {

    private static final Logger log = LoggerFactory.getLogger(AlertExpiry.class);

    private final AlertService alerts;

    AlertExpiry(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelayString = "${overdosevarsel.alerts.expiry-check-interval:30s}")
    void expireDue() {
        try {
            int expired = alerts.expireDue();
            if (expired > 0) {
                log.info("Marked {} alerts expired", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Could not mark expired alerts, trying again later: {}", e.toString());
        }
    }
}
