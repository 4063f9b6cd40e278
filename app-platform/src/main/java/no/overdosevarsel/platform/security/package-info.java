/**
 * One identity model for every app (ARCHITECTURE.md "Identity"): each app is an OAuth2 resource server that accepts
 * JWTs from one configured issuer and maps their claims to a {@link no.overdosevarsel.platform.security.Coordinator}
 * with roles and a region scope. Features see the {@code Coordinator}, never a token.
 */
@NullMarked
package no.overdosevarsel.platform.security;

import org.jspecify.annotations.NullMarked;
