package no.overdosevarsel.ingest.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded authorization server.
 *
 * @param enabled whether alert-ingest issues tokens itself; false when an external OpenID Connect provider does
 * @param issuer the issuer URL put in tokens, which the other apps are configured to trust; when blank, the URL each
 *     request came in on
 * @param accessTokenTtl how long an access token is good for: also how long a disabled account or revoked client keeps
 *     access at most
 * @param refreshTokenTtl how long a person stays signed in to a command-line or web client without a new password
 * @param redirectUris where the public {@value ClientRegistrations#PUBLIC_CLIENT_ID} client may receive codes; loopback
 *     addresses match on any port (RFC 8252)
 */
@ConfigurationProperties("overdosevarsel.identity.authorization-server")
public record AuthorizationServerProperties(
        boolean enabled,
        @Nullable String issuer,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        List<String> redirectUris) {

    public AuthorizationServerProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
        redirectUris = redirectUris == null || redirectUris.isEmpty()
                ? List.of("http://127.0.0.1/callback")
                : List.copyOf(redirectUris);
    }
}
