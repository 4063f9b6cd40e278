package no.overdosevarsel.ingest.alert.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertId;
import no.overdosevarsel.ingest.alert.AlertService;
import no.overdosevarsel.ingest.alert.AlertView;
import no.overdosevarsel.ingest.alert.AuditEntry;
import no.overdosevarsel.ingest.report.ConcernReports;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert lifecycle over HTTP. Every answer about one alert carries its revision as ETag; changes may name it in
 * {@code If-Match} (edits must), and a stale one is refused with 412.
 */
@RestController
@RequestMapping(AlertController.PATH)
class AlertController {

    static final String PATH = "/api/alerts";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_LIST = 200;

    private static final Set<String> STATES =
            Set.of("NOT_PUBLISHED", "PUBLISHED", "CANCELLED", "EXPIRED", "DRAFT", "SUBMITTED", "REJECTED");

    private final AlertService alerts;
    private final AlertRequestValidator requestValidator;
    private final RegionCatalogue regions;
    private final ConcernReports reports;

    AlertController(
            AlertService alerts,
            AlertRequestValidator requestValidator,
            RegionCatalogue regions,
            ConcernReports reports) {
        this.alerts = alerts;
        this.reports = reports;
        this.requestValidator = requestValidator;
        this.regions = regions;
    }

    /** Adds the catalogue and time rules to Bean Validation of the request body. */
    @InitBinder("alertRequest")
    void addAlertRules(WebDataBinder binder) {
        binder.addValidators(requestValidator);
    }

    /**
     * Starts a draft, from scratch or from a concern report ({@code fromReport}, which is then marked as turned into
     * this alert). A retry with the same {@code Idempotency-Key} and body gets the same draft back. */
    @PostMapping
    ResponseEntity<AlertDetails> create(
            @Valid @RequestBody AlertRequest alertRequest,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @RequestParam(required = false) @Nullable UUID fromReport,
            Coordinator coordinator) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of(IDEMPOTENCY_KEY, "validation.idempotency-key"),
                    "problem.validation");
        }
        String fingerprint = fingerprint(alertRequest);
        AlertService.Created created = AlertProblems.translate(() -> fromReport == null
                ? alerts.draft(alertRequest.toNewAlert(), coordinator, idempotencyKey, fingerprint)
                : reports.startAlert(fromReport, alertRequest.toNewAlert(), coordinator, idempotencyKey, fingerprint));
        AlertView alert = created.alert();
        // A relative reference (RFC 9110): right behind any proxy, and never built from a client's Host header.
        return ResponseEntity.created(URI.create(PATH + "/" + alert.id()))
                .eTag(AlertProblems.etag(alert.revision()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(AlertDetails.of(alert));
    }

    @GetMapping
    List<AlertDetails> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    Instant activeAt) {
        if (status != null && !STATES.contains(status)) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("status", "validation.alert.status"),
                    "problem.validation");
        }
        if (region != null && regions.find(region).isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("region", "validation.region.unknown-filter"),
                    "problem.validation");
        }
        return alerts.search(status, region, activeAt, MAX_LIST).stream()
                .map(AlertDetails::of)
                .toList();
    }

    /** An id that is not a UUID names no alert either: 404 alike. */
    @GetMapping("/{id}")
    ResponseEntity<AlertDetails> show(@PathVariable String id) {
        AlertView alert = parse(id).flatMap(alerts::find).orElseThrow(() -> notFound(id));
        return respond(alert);
    }

    /** Replaces the draft, or proposes an update of a published alert. {@code If-Match} is required. */
    @PutMapping("/{id}")
    ResponseEntity<AlertDetails> edit(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AlertRequest alertRequest,
            Coordinator coordinator) {
        if (ifMatch == null) {
            throw new ProblemException(
                    HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "problem.alert.if-match-required");
        }
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(AlertProblems.translate(
                () -> alerts.edit(alertId, AlertProblems.revision(ifMatch), alertRequest.toNewAlert(), coordinator)));
    }

    @PostMapping("/{id}/submit")
    ResponseEntity<AlertDetails> submit(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Coordinator coordinator) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(
                AlertProblems.translate(() -> alerts.submit(alertId, AlertProblems.revision(ifMatch), coordinator)));
    }

    /** Approves the submitted content and publishes it (APPROVER, not an author or the submitter, in scope). */
    @PostMapping("/{id}/approve")
    ResponseEntity<AlertDetails> approve(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Coordinator coordinator) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(
                AlertProblems.translate(() -> alerts.approve(alertId, AlertProblems.revision(ifMatch), coordinator)));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<AlertDetails> reject(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ReasonRequest request,
            Coordinator coordinator) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(AlertProblems.translate(
                () -> alerts.reject(alertId, AlertProblems.revision(ifMatch), request.reason(), coordinator)));
    }

    /** The Extreme exception: one coordinator publishes outside office hours, saying why. */
    @PostMapping("/{id}/publish-alone")
    ResponseEntity<AlertDetails> publishAlone(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ReasonRequest request,
            Coordinator coordinator) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(AlertProblems.translate(
                () -> alerts.publishAlone(alertId, AlertProblems.revision(ifMatch), request.reason(), coordinator)));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<AlertDetails> cancel(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ReasonRequest request,
            Coordinator coordinator) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return respond(AlertProblems.translate(
                () -> alerts.cancel(alertId, AlertProblems.revision(ifMatch), request.reason(), coordinator)));
    }

    @GetMapping("/{id}/audit")
    List<AuditEntry> audit(@PathVariable String id) {
        AlertId alertId = parse(id).orElseThrow(() -> notFound(id));
        return AlertProblems.translate(() -> alerts.audit(alertId));
    }

    private static ResponseEntity<AlertDetails> respond(AlertView alert) {
        return ResponseEntity.ok().eTag(AlertProblems.etag(alert.revision())).body(AlertDetails.of(alert));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.alert.not-found", id);
    }

    /** Same body, same fingerprint: the canonical JSON of the parsed request, so whitespace does not matter. */
    private static String fingerprint(AlertRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.write(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<AlertId> parse(String id) {
        try {
            return Optional.of(new AlertId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
