/** Who may use the API: HTTP Basic against the local accounts, the signed-in coordinator for controllers, and problem answers when they may not. */
@NullMarked
package no.overdosevarsel.ingest.security;

import org.jspecify.annotations.NullMarked;
