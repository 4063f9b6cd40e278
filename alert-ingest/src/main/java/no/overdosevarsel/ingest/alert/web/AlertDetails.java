package no.overdosevarsel.ingest.alert.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.ingest.alert.AlertView;
import no.overdosevarsel.ingest.alert.Publication;
import no.overdosevarsel.ingest.alert.Review;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it: where it stands, the content under review ({@code draft}), the version in force
 * ({@code current}) and every published version, oldest first. {@code revision} is also the ETag.
 */
record AlertDetails(
        UUID id,
        Publication publication,
        Review review,
        int revision,
        Instant createdAt,
        String createdBy,
        @Nullable AlertRequest draft,
        List<String> draftAuthors,
        @Nullable String submittedBy,
        @Nullable String rejectedBy,
        @Nullable String rejectionReason,
        @Nullable AlertResponse current,
        List<AlertResponse> versions) {

    static AlertDetails of(AlertView alert) {
        return new AlertDetails(
                alert.id().value(),
                alert.publication(),
                alert.review(),
                alert.revision(),
                alert.createdAt(),
                alert.createdBy(),
                alert.draft() == null ? null : AlertRequest.of(alert.draft()),
                alert.draftAuthors().stream().sorted().toList(),
                alert.submittedBy(),
                alert.rejectedBy(),
                alert.rejectionReason(),
                alert.current().map(AlertResponse::of).orElse(null),
                alert.versions().stream().map(AlertResponse::of).toList());
    }
}
