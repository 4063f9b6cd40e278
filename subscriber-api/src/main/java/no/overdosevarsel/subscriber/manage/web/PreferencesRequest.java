package no.overdosevarsel.subscriber.manage.web;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/manage/{token}}: what to change; a field left out stays as it is.
 *
 * @param regions region codes from the catalogue, at least one when given
 * @param language {@code nb} or {@code en}
 * @param minimumSeverity {@code Minor}, {@code Moderate}, {@code Severe} or {@code Extreme}
 */
record PreferencesRequest(
        @Nullable @Size(min = 1, max = 100) List<String> regions,
        @Nullable String language,
        @Nullable String minimumSeverity) {}
