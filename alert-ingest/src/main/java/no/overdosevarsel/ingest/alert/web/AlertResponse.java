package no.overdosevarsel.ingest.alert.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.ingest.alert.AlertText;
import org.jspecify.annotations.Nullable;

/**
 * A published alert version in the shape of {@link AlertRequest}, with what publishing added: id, version, msgType,
 * sender, sent time, and the defaults that were filled in.
 */
record AlertResponse(
        UUID id,
        int version,
        MsgType msgType,
        AlertStatus status,
        String sender,
        Instant sent,
        Severity severity,
        Urgency urgency,
        Certainty certainty,
        EvidenceSource evidenceSource,
        String event,
        String headline,
        String description,
        List<String> instruction,
        List<String> substances,
        List<String> regions,
        Instant effective,
        Instant expires,
        @Nullable String contact,
        @Nullable String web,
        @Nullable Translation english) {

    static AlertResponse of(AlertEvent published) {
        AlertInfo primary = published.primary();
        Translation english = published.info().stream()
                .skip(1)
                .filter(info -> info.language().equals(AlertText.ENGLISH))
                .findFirst()
                .map(Translation::of)
                .orElse(null);
        return new AlertResponse(
                published.alertId(),
                published.version(),
                published.msgType(),
                published.status(),
                published.sender(),
                published.sent(),
                published.severity(),
                published.urgency(),
                published.certainty(),
                published.evidenceSource(),
                primary.event(),
                primary.headline(),
                primary.description(),
                primary.instruction(),
                published.substances(),
                published.regions(),
                published.effective(),
                published.expires(),
                primary.contact(),
                published.web(),
                english);
    }
}
