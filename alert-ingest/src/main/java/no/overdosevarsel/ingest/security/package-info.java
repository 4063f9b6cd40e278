/** Who may use the API: HTTP Basic against the built-in coordinator account, and problem answers when they may not. */
@NullMarked
package no.overdosevarsel.ingest.security;

import org.jspecify.annotations.NullMarked;
