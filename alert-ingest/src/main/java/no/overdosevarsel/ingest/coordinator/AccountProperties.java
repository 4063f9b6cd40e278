package no.overdosevarsel.ingest.coordinator;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of a fresh installation.
 *
 * @param adminUsername its username
 * @param adminPassword its password, from the environment ({@code OVERDOSEVARSEL_SECURITY_ADMIN_PASSWORD}); when unset,
 *     one is generated at first start and printed in the log
 */
@ConfigurationProperties("overdosevarsel.security")
record AccountProperties(
        @DefaultValue("admin") String adminUsername,
        @Nullable String adminPassword) {

    AccountProperties {
        if (adminUsername.isBlank()) {
            throw new IllegalArgumentException("overdosevarsel.security.admin-username must not be blank");
        }
    }
}
