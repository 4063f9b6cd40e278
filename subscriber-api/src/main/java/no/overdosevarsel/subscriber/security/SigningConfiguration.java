package no.overdosevarsel.subscriber.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Signer} under the configured token secret, or under a random one with a warning. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    Signer signer(TokenSecretProperties properties) {
        String secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            log.warn("overdosevarsel.security.token-secret is not set: using a random secret. Verification codes and"
                    + " unsubscribe tokens will not survive a restart and differ between instances; set the secret"
                    + " from the environment in every real deployment.");
            byte[] random = new byte[Signer.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new Signer(random);
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < Signer.MIN_SECRET_BYTES) {
            throw new IllegalStateException("overdosevarsel.security.token-secret must have at least "
                    + Signer.MIN_SECRET_BYTES + " bytes (UTF-8); it has " + key.length);
        }
        return new Signer(key);
    }
}
