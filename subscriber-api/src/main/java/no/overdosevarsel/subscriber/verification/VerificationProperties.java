package no.overdosevarsel.subscriber.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeValidity how long a code can be used after it was sent, in whole minutes (the messages say how many)
 * @param maxAttempts how often one code may be tried; after that it is blocked, even for the right code
 */
@ConfigurationProperties("overdosevarsel.verification")
record VerificationProperties(
        @DefaultValue("15m") Duration codeValidity,
        @DefaultValue("5") int maxAttempts) {

    VerificationProperties {
        if (codeValidity.compareTo(Duration.ofMinutes(1)) < 0 || codeValidity.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException(
                    "overdosevarsel.verification.code-validity must be whole minutes, at least 1; was " + codeValidity);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "overdosevarsel.verification.max-attempts must be at least 1; was " + maxAttempts);
        }
    }
}
