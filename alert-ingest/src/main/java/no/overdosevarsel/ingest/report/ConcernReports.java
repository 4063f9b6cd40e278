package no.overdosevarsel.ingest.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertRefusedException;
import no.overdosevarsel.ingest.alert.AlertRefusedException.Reason;
import no.overdosevarsel.ingest.alert.AlertService;
import no.overdosevarsel.ingest.alert.NewAlert;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives concern reports from anyone, and lets coordinators whose scope covers a report's region see it, triage it
 * and start a draft alert from it.
 *
 * @throws AlertRefusedException when a coordinator may not do what they ask (same reasons as for alerts)
 */
@Service
public class ConcernReports {

    private final ConcernReportRepository reports;
    private final AlertService alerts;
    private final RegionCatalogue regions;
    private final Clock clock;

    ConcernReports(ConcernReportRepository reports, AlertService alerts, RegionCatalogue regions, Clock clock) {
        this.reports = reports;
        this.alerts = alerts;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Stores a report as given. The caller has validated the fields; the region is stored in catalogue form.
     *
     * @throws no.overdosevarsel.contracts.region.UnknownRegionException for a region not in the catalogue
     */
    @Transactional
    public UUID receive(String observed, String region, @Nullable Instant seenAt, @Nullable String contact) {
        UUID id = UUID.randomUUID();
        reports.insert(id, clock.instant(), observed, regions.require(region).code(), seenAt, contact);
        return id;
    }

    /** The reports in the coordinator's scope, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public List<ConcernReport> inScope(Coordinator coordinator, @Nullable ReportStatus status, int limit) {
        requireRole(coordinator);
        return reports.inRegions(covered(coordinator), status, limit);
    }

    @Transactional(readOnly = true)
    public Optional<ConcernReport> find(UUID id, Coordinator coordinator) {
        requireRole(coordinator);
        return reports.find(id, false).filter(report -> inScope(coordinator, report));
    }

    /** Moves a report to {@code REVIEWING} or {@code DISMISSED}, with an optional note. */
    @Transactional
    public ConcernReport triage(UUID id, ReportStatus status, @Nullable String note, Coordinator coordinator) {
        if (status != ReportStatus.REVIEWING && status != ReportStatus.DISMISSED) {
            throw new AlertRefusedException(Reason.INVALID_TRANSITION, "problem.report.triage-status", status.name());
        }
        ConcernReport report = lockInScope(id, coordinator);
        if (report.status() == ReportStatus.TURNED_INTO_ALERT) {
            throw new AlertRefusedException(
                    Reason.INVALID_TRANSITION, "problem.report.already-alert", report.alertId());
        }
        reports.triage(id, status, null, coordinator.username(), clock.instant(), note);
        return reports.find(id, false).orElseThrow();
    }

    /** Starts a draft alert from the report, and marks the report as turned into that alert, in one transaction. */
    @Transactional
    public AlertService.Created startAlert(
            UUID id,
            NewAlert content,
            Coordinator coordinator,
            @Nullable String idempotencyKey,
            @Nullable String requestHash) {
        ConcernReport report = lockInScope(id, coordinator);
        AlertService.Created created = alerts.draft(content, coordinator, idempotencyKey, requestHash);
        if (created.replayed() && created.alert().id().value().equals(report.alertId())) {
            return created;
        }
        if (report.status() == ReportStatus.TURNED_INTO_ALERT) {
            throw new AlertRefusedException(
                    Reason.INVALID_TRANSITION, "problem.report.already-alert", report.alertId());
        }
        reports.triage(
                id,
                ReportStatus.TURNED_INTO_ALERT,
                created.alert().id().value(),
                coordinator.username(),
                clock.instant(),
                report.note());
        return created;
    }

    private ConcernReport lockInScope(UUID id, Coordinator coordinator) {
        requireRole(coordinator);
        return reports.find(id, true)
                .filter(report -> inScope(coordinator, report))
                // Outside the scope a report does not exist, as far as this coordinator can tell.
                .orElseThrow(() -> new AlertRefusedException(Reason.NOT_FOUND, "problem.report.not-found", id));
    }

    private boolean inScope(Coordinator coordinator, ConcernReport report) {
        return coordinator.covers(List.of(report.region()), regions);
    }

    private Set<String> covered(Coordinator coordinator) {
        return regions.all().stream()
                .map(region -> region.code())
                .filter(code -> coordinator.covers(List.of(code), regions))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void requireRole(Coordinator coordinator) {
        if (!coordinator.has(Role.COORDINATOR)) {
            throw new AlertRefusedException(Reason.ROLE, "problem.alert.role", Role.COORDINATOR.name());
        }
    }
}
