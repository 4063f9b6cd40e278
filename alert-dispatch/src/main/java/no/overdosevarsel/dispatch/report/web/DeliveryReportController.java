package no.overdosevarsel.dispatch.report.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.dispatch.report.DeliveryReport;
import no.overdosevarsel.dispatch.report.DeliveryReports;
import no.overdosevarsel.dispatch.report.ReportRefusedException;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who an alert reached, for coordinators whose region scope overlaps the alert's regions. The URL rules (a valid
 * token with a coordinator role) live in {@code web.SecurityConfiguration}; the scope check is the report's own.
 */
@RestController
@RequestMapping("/api/alerts/{id}")
class DeliveryReportController {

    static final int DEFAULT_LISTED_FAILURES = 100;

    private final DeliveryReports reports;

    DeliveryReportController(DeliveryReports reports) {
        this.reports = reports;
    }

    /** Every version of the alert. {@code failures} caps how many failed deliveries each version lists one by one. */
    @GetMapping("/deliveries")
    DeliveryReport all(
            @PathVariable String id,
            @RequestParam(name = "failures", defaultValue = "" + DEFAULT_LISTED_FAILURES) int failures,
            Coordinator coordinator) {
        return report(alertId(id), null, coordinator, listed(failures));
    }

    @GetMapping("/versions/{version}/deliveries")
    DeliveryReport version(
            @PathVariable String id,
            @PathVariable String version,
            @RequestParam(name = "failures", defaultValue = "" + DEFAULT_LISTED_FAILURES) int failures,
            Coordinator coordinator) {
        Integer number = parseVersion(version).orElseThrow(DeliveryReportController::notFound);
        return report(alertId(id), number, coordinator, listed(failures));
    }

    private DeliveryReport report(UUID alertId, @Nullable Integer version, Coordinator coordinator, int failures) {
        try {
            return reports.report(alertId, version, coordinator, failures);
        } catch (ReportRefusedException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> notFound();
                case OUT_OF_SCOPE ->
                    new ProblemException(HttpStatus.FORBIDDEN, "out-of-scope", "problem.report.out-of-scope");
            };
        }
    }

    private static int listed(int failures) {
        if (failures < 0 || failures > DeliveryReports.MAX_LISTED_FAILURES) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("failures", "validation.report.failures"),
                    "problem.validation");
        }
        return failures;
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static Optional<Integer> parseVersion(@Nullable String version) {
        try {
            return version == null ? Optional.empty() : Optional.of(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.report.not-found");
    }
}
