/**
 * The embedded authorization server (ARCHITECTURE.md "Identity"): in standalone use alert-ingest issues the JWTs all
 * three apps accept — for local coordinator accounts (sign in with a password, authorization code with PKCE) and for
 * machine clients (client credentials). Off when an external OpenID Connect provider is configured.
 */
@NullMarked
package no.overdosevarsel.ingest.identity;

import org.jspecify.annotations.NullMarked;
