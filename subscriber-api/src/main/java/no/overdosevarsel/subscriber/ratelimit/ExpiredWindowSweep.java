package no.overdosevarsel.subscriber.ratelimit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes shared windows that have ended: a hashed address is kept no longer than its window and one sweep interval.
 * Runs on every instance; deleting an ended window twice is harmless, and a request racing the sweep just starts a new
 * window, as it would have anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredWindowSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpiredWindowSweep.class);

    private final DatabaseWindows windows;
    private final Clock clock;

    ExpiredWindowSweep(DatabaseWindows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${overdosevarsel.rate-limit.sweep-interval:10m}",
            initialDelayString = "${overdosevarsel.rate-limit.sweep-interval:10m}")
    void sweep() {
        int deleted = windows.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("Deleted {} ended rate-limit window(s)", deleted);
        }
    }
}
