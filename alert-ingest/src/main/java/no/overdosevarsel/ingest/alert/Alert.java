package no.overdosevarsel.ingest.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;

/**
 * An alert: its stable id and every version published under it, oldest first. Each version is the {@link AlertEvent}
 * exactly as it was announced, so that what was stored and what was sent can never differ.
 */
final class Alert {

    private final AlertId id;
    private final Instant createdAt;
    private final String createdBy;
    private final List<AlertEvent> versions;

    Alert(AlertId id, Instant createdAt, String createdBy, List<AlertEvent> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("alert " + id + " has no versions");
        }
        for (int i = 0; i < versions.size(); i++) {
            AlertEvent version = versions.get(i);
            if (!version.alertId().equals(id.value()) || version.version() != i + 1) {
                throw new IllegalArgumentException("alert " + id + " has version " + version.alertId() + " v"
                        + version.version() + " at position " + (i + 1));
            }
        }
        this.id = id;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.versions = List.copyOf(versions);
    }

    /**
     * A new alert with its first version, sent now by the coordinator.
     *
     * @throws IllegalArgumentException if it would expire before it takes effect or already has, or names a region that
     *     is not in the catalogue
     */
    static Alert publish(
            AlertId id,
            NewAlert content,
            String coordinator,
            Instant now,
            Duration defaultValidity,
            RegionCatalogue catalogue) {
        // CAP times have whole seconds.
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        Instant effective = content.effective() != null ? content.effective() : sent;
        Instant expires = content.expires() != null ? content.expires() : effective.plus(defaultValidity);
        if (!expires.isAfter(effective)) {
            throw new IllegalArgumentException("an alert must expire after it takes effect");
        }
        if (!expires.isAfter(sent)) {
            throw new IllegalArgumentException("an alert must not have expired when it is published");
        }
        List<String> regions = content.regions().stream()
                .map(code -> catalogue.require(code).code())
                .distinct()
                .toList();

        AlertText norwegian = content.norwegian();
        List<AlertInfo> info = new ArrayList<>();
        info.add(norwegian.asInfo(AlertText.BOKMAL, null));
        if (content.english() != null) {
            // A phone number or an organisation's name is better shown untranslated than not at all.
            info.add(content.english().asInfo(AlertText.ENGLISH, norwegian.contact()));
        }

        AlertEvent first = new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                id.value(),
                1,
                MsgType.Alert,
                Objects.requireNonNullElse(content.status(), AlertStatus.Actual),
                coordinator,
                sent,
                content.severity(),
                content.urgency(),
                content.certainty(),
                content.substances(),
                content.evidenceSource(),
                effective,
                expires,
                regions,
                info,
                content.web(),
                List.of());
        return new Alert(id, sent, coordinator, List.of(first));
    }

    AlertId id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    /** Every published version, oldest first. */
    List<AlertEvent> versions() {
        return versions;
    }

    /** The version in force: the newest. */
    AlertEvent current() {
        return versions.getLast();
    }
}
