package no.overdosevarsel.subscriber.manage.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/subscribers/manage-link}: exactly one of the two. */
record ManageLinkRequest(
        @Nullable @Size(max = 64) String phone,
        @Nullable @Size(max = 254) String email) {}
