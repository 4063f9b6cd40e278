package no.overdosevarsel.platform.outbox;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Reports outbox lag; DOWN when rows have waited longer than the configured limit, so an outage is visible. */
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;
    private final Duration maxLag;

    OutboxHealthIndicator(OutboxRelay relay, Duration maxLag) {
        this.relay = relay;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long pending = relay.pendingCount();
        Duration oldest = relay.oldestAge();
        builder.withDetail("pending", pending).withDetail("oldestAgeSeconds", oldest.toSeconds());
        String error = relay.lastError();
        if (error != null) {
            builder.withDetail("lastError", error);
        }
        if (oldest.compareTo(maxLag) > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
