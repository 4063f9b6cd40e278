package no.overdosevarsel.ingest.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.overdosevarsel.contracts.alert.AlertEvent;
import org.jspecify.annotations.Nullable;

/**
 * An alert as it stands: its states, the revision a client must name to change it, the content under review and every
 * published version.
 */
public record AlertView(
        AlertId id,
        Instant createdAt,
        String createdBy,
        Publication publication,
        Review review,
        int revision,
        @Nullable NewAlert draft,
        Set<String> draftAuthors,
        @Nullable String submittedBy,
        @Nullable String rejectedBy,
        @Nullable String rejectionReason,
        List<AlertEvent> versions) {

    static AlertView of(Alert alert) {
        return new AlertView(
                alert.id(),
                alert.createdAt(),
                alert.createdBy(),
                alert.publication(),
                alert.review(),
                alert.revision(),
                alert.draft(),
                alert.draftAuthors(),
                alert.submittedBy(),
                alert.rejectedBy(),
                alert.rejectionReason(),
                alert.versions());
    }

    public Optional<AlertEvent> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }
}
