package no.overdosevarsel.ingest.alert.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.ingest.alert.AlertId;
import no.overdosevarsel.ingest.alert.AlertService;
import no.overdosevarsel.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishing and reading alerts over HTTP. */
@RestController
@RequestMapping(AlertController.PATH)
class AlertController {

    static final String PATH = "/api/alerts";

    private final AlertService alerts;
    private final AlertRequestValidator requestValidator;

    AlertController(AlertService alerts, AlertRequestValidator requestValidator) {
        this.alerts = alerts;
        this.requestValidator = requestValidator;
    }

    /** Adds the catalogue and time rules to Bean Validation of the request body. */
    @InitBinder("alertRequest")
    void addAlertRules(WebDataBinder binder) {
        binder.addValidators(requestValidator);
    }

    @PostMapping
    ResponseEntity<AlertResponse> publish(@Valid @RequestBody AlertRequest alertRequest, Principal coordinator) {
        AlertEvent published = alerts.publish(alertRequest.toNewAlert(), coordinator.getName());
        // A relative reference (RFC 9110): right behind any proxy, and never built from a client's Host header.
        return ResponseEntity.created(URI.create(PATH + "/" + published.alertId()))
                .body(AlertResponse.of(published));
    }

    /** An id that is not a UUID names no alert either: 404 alike. */
    @GetMapping("/{id}")
    AlertResponse show(@PathVariable String id) {
        return parse(id)
                .flatMap(alerts::current)
                .map(AlertResponse::of)
                .orElseThrow(
                        () -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.alert.not-found", id));
    }

    private static Optional<AlertId> parse(String id) {
        try {
            return Optional.of(new AlertId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
