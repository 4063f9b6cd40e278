/** Who may use the API: bearer JWTs through the shared resource-server rules, and the local accounts for signing in. */
@NullMarked
package no.overdosevarsel.ingest.security;

import org.jspecify.annotations.NullMarked;
