package no.overdosevarsel.ingest.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in coordinator account, until accounts come from the identity provider.
 *
 * @param coordinatorUsername its username
 * @param coordinatorPassword its password, from the environment ({@code OVERDOSEVARSEL_SECURITY_COORDINATOR_PASSWORD});
 *     when unset, a random one is generated at start-up and logged
 */
@ConfigurationProperties("overdosevarsel.security")
record CoordinatorAccountProperties(
        @DefaultValue("coordinator") String coordinatorUsername,
        @Nullable String coordinatorPassword) {

    CoordinatorAccountProperties {
        if (coordinatorUsername.isBlank()) {
            throw new IllegalArgumentException("overdosevarsel.security.coordinator-username must not be blank");
        }
    }
}
