package no.overdosevarsel.subscriber.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenSecret the key of every HMAC this app makes, at least {@value Signer#MIN_SECRET_BYTES} bytes of
 *     UTF-8; set it from the environment or a secret store, never in a file under version control. Unset, a random one
 *     is made at start-up: codes and unsubscribe tokens then stop working at a restart and differ between instances.
 */
@ConfigurationProperties("overdosevarsel.security")
record TokenSecretProperties(@Nullable String tokenSecret) {

    @Override
    public String toString() {
        return "TokenSecretProperties[tokenSecret=" + (tokenSecret == null ? "unset" : "******") + "]";
    }
}
