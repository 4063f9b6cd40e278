package no.overdosevarsel.ingest.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded authorization server.
 *
 * @param enabled whether alert-ingest issues tokens itself; false when an external OpenID Connect provider does
 * @param issuer the issuer URL put in tokens and the discovery document, which the other apps are configured to trust:
 *     alert-ingest's public URL; required when the server is enabled
 * @param accessTokenTtl how long an access token is good for: also how long a disabled account or revoked client keeps
 *     access at most
 * @param redirectUris where the public {@value ClientRegistrations#PUBLIC_CLIENT_ID} client may receive codes; loopback
 *     addresses match on any port (RFC 8252)
 * @param signInMaxFailures failed sign-ins for one username or from one address before further attempts are turned
 *     away
 * @param signInLockPeriod how long after the last failure that lasts
 */
@ConfigurationProperties("overdosevarsel.identity.authorization-server")
public record AuthorizationServerProperties(
        boolean enabled,
        @Nullable String issuer,
        Duration accessTokenTtl,
        List<String> redirectUris,
        int signInMaxFailures,
        Duration signInLockPeriod) {

    public AuthorizationServerProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        redirectUris = redirectUris == null || redirectUris.isEmpty()
                ? List.of("http://127.0.0.1/callback")
                : List.copyOf(redirectUris);
        signInMaxFailures = signInMaxFailures <= 0 ? 5 : signInMaxFailures;
        signInLockPeriod = signInLockPeriod == null ? Duration.ofMinutes(15) : signInLockPeriod;
    }
}
