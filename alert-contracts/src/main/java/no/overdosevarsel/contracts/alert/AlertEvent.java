package no.overdosevarsel.contracts.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One published version of an alert, as stored by alert-ingest and sent on {@code alerts}, keyed by {@code alertId}.
 * Consumers deduplicate on ({@code alertId}, {@code version}).
 *
 * @param schemaVersion version of this record's shape; {@link #SCHEMA_VERSION} when produced
 * @param alertId stable public id across versions
 * @param version 1 for the first published version, +1 for each update or cancellation
 * @param msgType Alert for version 1, then Update or Cancel
 * @param references the versions this one replaces (CAP references); empty for version 1
 * @param info the text, primary language first; an English translation may follow
 * @param regions region codes from the catalogue: {@code NO}, {@code NO-03}, {@code 0301}
 */
public record AlertEvent(
        int schemaVersion,
        UUID alertId,
        int version,
        MsgType msgType,
        AlertStatus status,
        String sender,
        Instant sent,
        Severity severity,
        Urgency urgency,
        Certainty certainty,
        List<String> substances,
        EvidenceSource evidenceSource,
        Instant effective,
        Instant expires,
        List<String> regions,
        List<AlertInfo> info,
        @Nullable String web,
        List<Integer> references) {

    public static final int SCHEMA_VERSION = 1;

    public AlertEvent {
        if (info.isEmpty()) {
            throw new IllegalArgumentException("an alert needs text in at least one language");
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one region");
        }
        substances = List.copyOf(substances);
        regions = List.copyOf(regions);
        info = List.copyOf(info);
        references = List.copyOf(references);
    }

    /** The text in the given language, falling back to the primary language. */
    public AlertInfo info(@Nullable String language) {
        if (language != null) {
            for (AlertInfo candidate : info) {
                if (candidate.language().toLowerCase(Locale.ROOT).equals(language.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        return info.getFirst();
    }

    /** The text in the primary language. */
    public AlertInfo primary() {
        return info.getFirst();
    }

    public boolean isActiveAt(Instant when) {
        return msgType != MsgType.Cancel && !when.isBefore(effective) && when.isBefore(expires);
    }
}
