package no.overdosevarsel.ingest.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator asks to publish. Left out, {@code status} is Actual, {@code effective} is the moment of publishing
 * and {@code expires} is {@code effective} plus the configured default validity.
 *
 * @param regions codes from the region catalogue, in any case ("no-03" is NO-03)
 * @param norwegian the text in bokmål, always shown first
 * @param english an optional English translation
 * @param web a link to more information
 */
public record NewAlert(
        @Nullable AlertStatus status,
        Severity severity,
        Urgency urgency,
        Certainty certainty,
        EvidenceSource evidenceSource,
        List<String> substances,
        List<String> regions,
        @Nullable Instant effective,
        @Nullable Instant expires,
        AlertText norwegian,
        @Nullable AlertText english,
        @Nullable String web) {

    public NewAlert {
        substances = List.copyOf(substances);
        // The catalogue's form ("no-03" is NO-03), so that drafts compare and filter like published versions.
        regions = regions.stream()
                .map(code -> code.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** The content of a published version, as it would be asked for: the starting point of an update. */
    static NewAlert of(AlertEvent version) {
        AlertInfo primary = version.primary();
        AlertText english = version.info().stream()
                .skip(1)
                .filter(info -> info.language().equals(AlertText.ENGLISH))
                .findFirst()
                .map(info -> new AlertText(
                        info.event(), info.headline(), info.description(), info.instruction(), info.contact()))
                .orElse(null);
        return new NewAlert(
                version.status(),
                version.severity(),
                version.urgency(),
                version.certainty(),
                version.evidenceSource(),
                version.substances(),
                version.regions(),
                version.effective(),
                version.expires(),
                new AlertText(
                        primary.event(),
                        primary.headline(),
                        primary.description(),
                        primary.instruction(),
                        primary.contact()),
                english,
                version.web());
    }
}
