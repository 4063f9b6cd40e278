package no.overdosevarsel.ingest.alert.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: for a rejection, a cancellation or publishing alone. Plain text, kept in the audit log. */
record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}
