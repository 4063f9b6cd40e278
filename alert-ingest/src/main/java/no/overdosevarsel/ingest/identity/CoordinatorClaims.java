package no.overdosevarsel.ingest.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the coordinator's name, roles and region scope into every access token, in the claims the resource servers
 * read ({@code preferred_username}, {@code roles}, {@code region_scope}), addressed to the apps' audience. The account
 * is read when the token is issued, so a disabled account or a revoked client gets no new token.
 */
final class CoordinatorClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final CoordinatorAccounts accounts;
    private final ApiTokens tokens;
    private final String audience;

    CoordinatorClaims(CoordinatorAccounts accounts, ApiTokens tokens, String audience) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        // Access tokens only: an ID token says who signed in to the client, it is not for calling APIs (it lives 30
        // minutes and is addressed to the client), so it gets neither roles nor the API audience.
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        Optional<Coordinator> who = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
                        context.getAuthorizationGrantType())
                ? tokens.client(context.getRegisteredClient().getClientId()).map(ApiTokens.ApiClient::coordinator)
                : accounts.credentials(context.getPrincipal().getName())
                        .map(CoordinatorAccounts.Credentials::coordinator);
        Coordinator coordinator =
                who.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
        // Mutable lists: the stored authorization is read back by Jackson, whose allow-list refuses the JDK's
        // immutable collection classes (revocation, introspection and user info would fail).
        context.getClaims()
                .audience(new ArrayList<>(List.of(audience)))
                .claim("preferred_username", coordinator.username())
                .claim(
                        "roles",
                        new ArrayList<>(coordinator.roles().stream()
                                .map(Role::name)
                                .sorted()
                                .toList()))
                .claim("region_scope", new ArrayList<>(coordinator.scope()));
    }
}
