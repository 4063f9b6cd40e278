package no.overdosevarsel.ingest.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The built-in coordinator login: the configured password, or a random one when none is configured so that a fresh
 * installation is never open with a known password.
 */
record CoordinatorAccount(String username, String password, boolean generated) {

    static final String COORDINATOR = "COORDINATOR";
    static final String APPROVER = "APPROVER";

    private static final SecureRandom RANDOM = new SecureRandom();

    static CoordinatorAccount from(CoordinatorAccountProperties properties) {
        String configured = properties.coordinatorPassword();
        if (configured != null && !configured.isBlank()) {
            return new CoordinatorAccount(properties.coordinatorUsername(), configured, false);
        }
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return new CoordinatorAccount(
                properties.coordinatorUsername(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                true);
    }

    UserDetails toUser(PasswordEncoder encoder) {
        return User.withUsername(username)
                .password(encoder.encode(password))
                .roles(COORDINATOR, APPROVER)
                .build();
    }

    @Override
    public String toString() {
        return "CoordinatorAccount[username=" + username + ", generated=" + generated + "]";
    }
}
