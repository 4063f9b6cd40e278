package no.overdosevarsel.ingest.report.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertRefusedException;
import no.overdosevarsel.ingest.report.ConcernReport;
import no.overdosevarsel.ingest.report.ConcernReports;
import no.overdosevarsel.ingest.report.ReportStatus;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports} is open to anyone, without login, limited per client; the rest is for coordinators, who see
 * only reports from regions in their scope. A draft alert is started from a report with
 * {@code POST /api/alerts?fromReport={id}}.
 */
@RestController
@RequestMapping(ReportController.PATH)
class ReportController {

    static final String PATH = "/api/reports";

    private final ConcernReports reports;
    private final ReportRateLimiter limiter;
    private final RegionCatalogue regions;

    ReportController(ConcernReports reports, ReportRateLimiter limiter, RegionCatalogue regions) {
        this.reports = reports;
        this.limiter = limiter;
        this.regions = regions;
    }

    /** The address is used for the limit in memory and then forgotten: it is not stored, nor logged. */
    @PostMapping
    ResponseEntity<Map<String, Object>> report(
            @Valid @RequestBody ReportRequest request, HttpServletRequest http, HttpServletResponse response) {
        if (!limiter.tryAcquire(http.getRemoteAddr())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limiter.retryAfterSeconds()));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "problem.rate-limited");
        }
        if (regions.find(request.region()).isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("region", "validation.report.region"),
                    "problem.validation");
        }
        reports.receive(request.observed(), request.region(), request.seenAt(), blankToNull(request.contact()));
        return ResponseEntity.accepted().body(Map.of("received", true));
    }

    @GetMapping
    List<ConcernReport> list(@RequestParam(required = false) @Nullable ReportStatus status, Coordinator coordinator) {
        return translate(() -> reports.inScope(coordinator, status, 200));
    }

    @GetMapping("/{id}")
    ConcernReport show(@PathVariable UUID id, Coordinator coordinator) {
        return translate(() -> reports.find(id, coordinator))
                .orElseThrow(
                        () -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.report.not-found", id));
    }

    /** Moves a report to REVIEWING or DISMISSED. */
    @PostMapping("/{id}/triage")
    ConcernReport triage(@PathVariable UUID id, @Valid @RequestBody TriageRequest request, Coordinator coordinator) {
        return translate(() -> reports.triage(id, request.status(), blankToNull(request.note()), coordinator));
    }

    private static <T> T translate(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AlertRefusedException e) {
            HttpStatus status = switch (e.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case ROLE, OUT_OF_SCOPE -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.CONFLICT;
            };
            String type = switch (e.reason()) {
                case NOT_FOUND -> "not-found";
                case ROLE -> "role-required";
                case OUT_OF_SCOPE -> "out-of-scope";
                default -> "invalid-transition";
            };
            throw new ProblemException(status, type, e.messageKey(), e.args());
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * What the public sends. Plain text; nothing else about the reporter is kept.
     *
     * @param observed what was seen: substance, what it looked like, what happened
     * @param region where, as a region code ({@code 0301}, {@code NO-03})
     * @param seenAt when, if known
     * @param contact how to reach the reporter, only if they want to be reached
     */
    record ReportRequest(
            @NotBlank @Size(max = 4000) String observed,
            @NotBlank @Size(max = 10) String region,
            @Nullable Instant seenAt,
            @Nullable @Size(max = 300) String contact) {}

    record TriageRequest(
            @NotNull ReportStatus status,
            @Nullable @Size(max = 2000) String note) {}
}
