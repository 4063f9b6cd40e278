package no.overdosevarsel.ingest.identity;

import java.util.Optional;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the coordinator's name, roles and region scope into every access and ID token, in the claims the resource
 * servers read ({@code preferred_username}, {@code roles}, {@code region_scope}). The account is read when the token is
 * issued — also on refresh — so a disabled account or a revoked client gets no new token.
 */
final class CoordinatorClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final CoordinatorAccounts accounts;
    private final ApiTokens tokens;

    CoordinatorClaims(CoordinatorAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Optional<Coordinator> who = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
                        context.getAuthorizationGrantType())
                ? tokens.client(context.getRegisteredClient().getClientId()).map(ApiTokens.ApiClient::coordinator)
                : accounts.credentials(context.getPrincipal().getName())
                        .map(CoordinatorAccounts.Credentials::coordinator);
        Coordinator coordinator =
                who.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
        context.getClaims()
                .claim("preferred_username", coordinator.username())
                .claim(
                        "roles",
                        coordinator.roles().stream().map(Role::name).sorted().toList())
                .claim("region_scope", coordinator.scope());
    }
}
