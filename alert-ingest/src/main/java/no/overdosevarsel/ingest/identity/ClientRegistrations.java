package no.overdosevarsel.ingest.identity;

import java.util.UUID;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the embedded issuer knows: one public client for people (command line and browser: authorization code
 * with PKCE; a public client gets no refresh token, so a person signs in again when the access token lapses), and the
 * API clients administrators issue, read from {@link ApiTokens} at each request so
 * that a revoked client cannot get another token.
 */
final class ClientRegistrations implements RegisteredClientRepository {

    static final String PUBLIC_CLIENT_ID = "overdosevarsel-cli";

    /** Marks a stored secret hash as SHA-256 for the password encoder. */
    static final String SHA256 = "sha256";

    private final RegisteredClient publicClient;
    private final ApiTokens tokens;
    private final TokenSettings machineTokens;

    ClientRegistrations(AuthorizationServerProperties properties, ApiTokens tokens) {
        this.tokens = tokens;
        this.publicClient = RegisteredClient.withId(PUBLIC_CLIENT_ID)
                .clientId(PUBLIC_CLIENT_ID)
                .clientName("Overdosevarsel")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .build())
                .build();
        this.machineTokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .build();
    }

    /**
     * Clients are issued through {@code /api/admin}, never registered here. (The server would also call this to re-hash
     * a secret to bcrypt; the password encoder never asks for that for our SHA-256 secrets.)
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are issued through /api/admin, not registered dynamically");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        if (PUBLIC_CLIENT_ID.equals(clientId)) {
            return publicClient;
        }
        return tokens.client(clientId).map(this::machine).orElse(null);
    }

    private RegisteredClient machine(ApiTokens.ApiClient client) {
        UUID id = client.id();
        return RegisteredClient.withId(id.toString())
                .clientId(id.toString())
                .clientName(client.coordinator().username())
                .clientSecret("{" + SHA256 + "}" + client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(machineTokens)
                .build();
    }
}
