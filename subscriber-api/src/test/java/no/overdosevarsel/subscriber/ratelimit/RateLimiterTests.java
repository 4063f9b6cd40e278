package no.overdosevarsel.subscriber.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void allowsThePermitsOfAWindowThenSaysHowLongToWait() {
        RateLimiter limiter = limiter(Map.of(Bucket.SUBSCRIBE_PER_ADDRESS, new Limit(3, Duration.ofHours(1))));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, "SMS:+4791234567"))
                    .isEmpty();
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, "SMS:+4791234567"))
                .contains(Duration.ofMinutes(40));
        assertThat(limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, "SMS:+4799999999"))
                .as("another key has its own window")
                .isEmpty();
    }

    @Test
    void aNewWindowStartsWhenTheOldOneEnds() {
        RateLimiter limiter = limiter(Map.of(Bucket.VERIFY_PER_CLIENT, new Limit(1, Duration.ofMinutes(1))));
        assertThat(limiter.tryAcquire(Bucket.VERIFY_PER_CLIENT, "10.0.0.1")).isEmpty();
        assertThat(limiter.tryAcquire(Bucket.VERIFY_PER_CLIENT, "10.0.0.1")).isPresent();

        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire(Bucket.VERIFY_PER_CLIENT, "10.0.0.1")).isEmpty();
    }

    @Test
    void bucketsCountSeparatelyAndUseTheirDefaultsUnlessConfigured() {
        RateLimiter limiter = limiter(Map.of());
        int permits = Bucket.MANAGE_LINK_PER_ADDRESS.defaultLimit().permits();
        for (int i = 0; i < permits; i++) {
            limiter.acquire(Bucket.MANAGE_LINK_PER_ADDRESS, "EMAIL:kari@example.no");
        }

        assertThatThrownBy(() -> limiter.acquire(Bucket.MANAGE_LINK_PER_ADDRESS, "EMAIL:kari@example.no"))
                .isInstanceOfSatisfying(
                        RateLimitExceeded.class,
                        e -> assertThat(e.retryAfterSeconds())
                                .isEqualTo(Bucket.MANAGE_LINK_PER_ADDRESS
                                        .defaultLimit()
                                        .period()
                                        .toSeconds()));
        assertThat(limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, "EMAIL:kari@example.no"))
                .isEmpty();
    }

    @Test
    void expiredWindowsAreSweptWhenTooManyKeysAreTracked() {
        RateLimiter limiter = new RateLimiter(
                new RateLimitProperties(true, Map.of(Bucket.LINK_PER_CLIENT, new Limit(1, Duration.ofMinutes(1))), 2),
                clock,
                new MemoryWindows(2));
        limiter.tryAcquire(Bucket.LINK_PER_CLIENT, "a");
        limiter.tryAcquire(Bucket.LINK_PER_CLIENT, "b");
        clock.advance(Duration.ofMinutes(2));

        assertThat(limiter.tryAcquire(Bucket.LINK_PER_CLIENT, "c")).isEmpty();
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void switchedOffItAllowsEverything() {
        RateLimiter limiter =
                new RateLimiter(new RateLimitProperties(false, Map.of(), 10), clock, new MemoryWindows(10));
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, "+4791234567"))
                    .isEmpty();
        }
    }

    private RateLimiter limiter(Map<Bucket, Limit> limits) {
        // The shared buckets' database store is tested in SharedRateLimitsIntegrationTests; here both count in memory.
        return new RateLimiter(new RateLimitProperties(true, limits, 100_000), clock, new MemoryWindows(100_000));
    }
}
