package no.overdosevarsel.ingest.coordinator;

import java.util.List;
import java.util.Set;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A fresh installation gets one administrator, so that someone can create the coordinators: with the configured
 * password, or with a generated one printed once in the log. Once an administrator exists nothing happens, so a
 * configured password never overwrites one that was changed.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final CoordinatorAccounts accounts;
    private final AccountProperties properties;

    FirstAdministrator(CoordinatorAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNone();
    }

    /** Returns the generated password if one was generated, else null. */
    @org.jspecify.annotations.Nullable
    String createIfNone() {
        if (accounts.hasAdministrator()) {
            return null;
        }
        String configured = properties.adminPassword();
        boolean generate = configured == null || configured.isBlank();
        String password = generate ? CoordinatorAccounts.generatePassword() : configured;
        accounts.create(
                properties.adminUsername(),
                password,
                Set.of(Role.ADMIN),
                List.of(Region.NATIONAL_CODE),
                "installation");
        if (generate) {
            log.warn(
                    "Created the first administrator '{}' with a one-time password, shown only now: {}"
                            + " (set overdosevarsel.security.admin-password to choose one)",
                    properties.adminUsername(),
                    password);
        } else {
            log.info("Created the first administrator '{}' with the configured password", properties.adminUsername());
        }
        return generate ? password : null;
    }
}
