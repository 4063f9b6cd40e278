package no.overdosevarsel.ingest.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertRefusedException.Reason;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of alerts: draft, edit, submit, approve (four eyes) or reject, update, cancel, expire. Every published
 * version is stored and queued for the {@code alerts} topic in the same transaction, and every change is audited.
 *
 * <p>Rules checked here for every operation: the coordinator's role, and that every region in play lies in their
 * scope. Methods that change an alert take the revision the client last saw ({@code null}: do not check).
 *
 * @throws AlertRefusedException from every operation the rules do not allow
 */
@Service
public class AlertService {

    private final AlertRepository alerts;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final RegionCatalogue regions;
    private final AlertProperties properties;
    private final SoloPublishing soloPublishing;
    private final Clock clock;

    AlertService(
            AlertRepository alerts,
            IdempotencyKeys idempotencyKeys,
            Outbox outbox,
            RegionCatalogue regions,
            AlertProperties properties,
            SoloPublishing soloPublishing,
            Clock clock) {
        this.alerts = alerts;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.regions = regions;
        this.properties = properties;
        this.soloPublishing = soloPublishing;
        this.clock = clock;
    }

    /** The outcome of a create: the draft, and whether it was made by an earlier request with the same key. */
    public record Created(AlertView alert, boolean replayed) {}

    /**
     * Starts a draft. With an idempotency key, a retry of the same request returns the draft the first one created
     * instead of a second one.
     *
     * @param requestHash a fingerprint of the request, to tell a retry from a different request reusing the key
     */
    @Transactional
    public Created draft(
            NewAlert content, Coordinator author, @Nullable String idempotencyKey, @Nullable String requestHash) {
        requireRole(author, Role.COORDINATOR);
        requireScope(author, content.regions());
        Instant now = clock.instant();
        AlertId id = AlertId.random();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(
                    author.username(), idempotencyKey, requestHash == null ? "" : requestHash, id, now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(requestHash)) {
                    throw new AlertRefusedException(
                            Reason.IDEMPOTENCY_KEY_REUSED, "problem.alert.idempotency-key-reused");
                }
                return new Created(require(earlier.get().alertId()), true);
            }
        }
        Alert alert = Alert.draft(id, content, author.username(), now);
        alerts.insert(alert, now);
        return new Created(require(id), false);
    }

    /** Replaces the draft, or proposes an update of a published alert. */
    @Transactional
    public AlertView edit(AlertId id, @Nullable Integer revision, NewAlert content, Coordinator author) {
        requireRole(author, Role.COORDINATOR);
        requireScope(author, content.regions());
        return change(id, revision, author, Role.COORDINATOR, alert -> alert.edit(content, author.username()));
    }

    @Transactional
    public AlertView submit(AlertId id, @Nullable Integer revision, Coordinator coordinator) {
        return change(id, revision, coordinator, Role.COORDINATOR, alert -> alert.submit(coordinator.username()));
    }

    /** Approves the submitted content and publishes it: the first version, or an Update. */
    @Transactional
    public AlertView approve(AlertId id, @Nullable Integer revision, Coordinator approver) {
        return change(
                id,
                revision,
                approver,
                Role.APPROVER,
                alert -> alert.approve(approver.username(), clock.instant(), properties.defaultValidity(), regions));
    }

    @Transactional
    public AlertView reject(AlertId id, @Nullable Integer revision, String reason, Coordinator approver) {
        return change(id, revision, approver, Role.APPROVER, alert -> alert.reject(approver.username(), reason));
    }

    /** The Extreme-severity exception to four eyes, outside office hours only; recorded with the reason. */
    @Transactional
    public AlertView publishAlone(AlertId id, @Nullable Integer revision, String reason, Coordinator coordinator) {
        if (!soloPublishing.allowedAt(clock.instant())) {
            throw new AlertRefusedException(Reason.SOLO_NOT_ALLOWED, "problem.alert.solo-office-hours");
        }
        return change(
                id,
                revision,
                coordinator,
                Role.COORDINATOR,
                alert -> alert.publishAlone(
                        coordinator.username(), reason, clock.instant(), properties.defaultValidity(), regions));
    }

    /** Withdraws a published alert with a CAP Cancel. One approver suffices: a withdrawal must not wait. */
    @Transactional
    public AlertView cancel(AlertId id, @Nullable Integer revision, @Nullable String reason, Coordinator approver) {
        return change(
                id,
                revision,
                approver,
                Role.APPROVER,
                alert -> alert.cancel(approver.username(), reason, clock.instant()));
    }

    /**
     * Marks published alerts expired once their time is up. No new version is published: every consumer already has
     * {@code expires}, and feeds drop the alert at that moment by themselves.
     *
     * @return how many alerts it marked
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (AlertId id : alerts.dueToExpire(now, 100)) {
            Alert alert = alerts.lockById(id).orElseThrow();
            if (alert.expireIfDue(now)) {
                alerts.update(alert, now);
                expired++;
            }
        }
        return expired;
    }

    @Transactional(readOnly = true)
    public Optional<AlertView> find(AlertId id) {
        return alerts.findById(id).map(AlertView::of);
    }

    /**
     * Alerts, newest first, filtered by state, by region (alerts that reach subscribers of that region) and by a moment
     * they are in force at; null means no filter.
     */
    @Transactional(readOnly = true)
    public List<AlertView> search(
            @Nullable String state, @Nullable String region, @Nullable Instant activeAt, int limit) {
        Collection<String> overlapping = region == null ? null : regions.overlapping(region);
        return alerts.search(state, overlapping, activeAt, limit).stream()
                .map(AlertView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> audit(AlertId id) {
        require(id);
        return alerts.auditOf(id);
    }

    private AlertView change(
            AlertId id, @Nullable Integer revision, Coordinator who, Role role, Consumer<Alert> action) {
        requireRole(who, role);
        Alert alert = alerts.lockById(id)
                .orElseThrow(() -> new AlertRefusedException(Reason.NOT_FOUND, "problem.alert.not-found", id));
        alert.requireRevision(revision);
        requireScope(who, alert.regionsInPlay(regions));
        action.accept(alert);
        Instant now = clock.instant();
        alerts.update(alert, now);
        for (AlertEvent version : alert.newVersions()) {
            outbox.append(Topics.ALERTS, id.toString(), version);
        }
        return require(id);
    }

    private AlertView require(AlertId id) {
        return alerts.findById(id)
                .map(AlertView::of)
                .orElseThrow(() -> new AlertRefusedException(Reason.NOT_FOUND, "problem.alert.not-found", id));
    }

    private static void requireRole(Coordinator who, Role role) {
        if (!who.has(role)) {
            throw new AlertRefusedException(Reason.ROLE, "problem.alert.role", role.name());
        }
    }

    private void requireScope(Coordinator who, Collection<String> codes) {
        if (!who.covers(codes, regions)) {
            throw new AlertRefusedException(
                    Reason.OUT_OF_SCOPE, "problem.alert.out-of-scope", String.join(", ", who.scope()));
        }
    }
}
