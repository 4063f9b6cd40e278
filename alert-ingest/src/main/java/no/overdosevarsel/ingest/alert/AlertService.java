package no.overdosevarsel.ingest.alert;

import java.time.Clock;
import java.util.Optional;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes alerts and looks them up. */
@Service
public class AlertService {

    private final AlertRepository alerts;
    private final Outbox outbox;
    private final RegionCatalogue regions;
    private final AlertProperties properties;
    private final Clock clock;

    AlertService(
            AlertRepository alerts, Outbox outbox, RegionCatalogue regions, AlertProperties properties, Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a new alert with its first version and queues that version for the {@code alerts} topic, in one
     * transaction: it is published exactly when it is stored.
     *
     * @param coordinator the username of the coordinator who publishes it, the CAP sender
     * @return the published version
     */
    @Transactional
    public AlertEvent publish(NewAlert content, String coordinator) {
        Alert alert = Alert.publish(
                AlertId.random(), content, coordinator, clock.instant(), properties.defaultValidity(), regions);
        alerts.insert(alert);
        AlertEvent published = alert.current();
        outbox.append(Topics.ALERTS, alert.id().toString(), published);
        return published;
    }

    /** The version of the alert now in force, if there is such an alert. */
    @Transactional(readOnly = true)
    public Optional<AlertEvent> current(AlertId id) {
        return alerts.findById(id).map(Alert::current);
    }
}
