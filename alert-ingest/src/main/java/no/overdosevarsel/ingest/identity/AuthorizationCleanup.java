package no.overdosevarsel.ingest.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes authorizations whose every code and token has expired, so the table holds only what is still usable. */
final class AuthorizationCleanup {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationCleanup.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuthorizationCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${overdosevarsel.identity.authorization-server.cleanup-interval:15m}")
    void deleteExpired() {
        int deleted = jdbc.sql("""
                DELETE FROM oauth2_authorization
                 WHERE GREATEST(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                                refresh_token_expires_at, user_code_expires_at, device_code_expires_at,
                                authorization_code_issued_at + interval '1 hour') < ?
                """)
                .param(clock.instant().minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC))
                .update();
        if (deleted > 0) {
            log.debug("Deleted {} expired authorizations", deleted);
        }
    }
}
