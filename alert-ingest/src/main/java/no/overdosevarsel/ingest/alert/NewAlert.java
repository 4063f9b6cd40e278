package no.overdosevarsel.ingest.alert;

import java.time.Instant;
import java.util.List;
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
        regions = List.copyOf(regions);
    }
}
