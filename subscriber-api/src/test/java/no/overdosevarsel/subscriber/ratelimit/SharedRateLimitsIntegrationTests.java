package no.overdosevarsel.subscriber.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import no.overdosevarsel.subscriber.security.Signer;
import no.overdosevarsel.testinfra.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-address and per-number limits against the real database: two limiters built here stand for two instances (or
 * one before and after a restart) sharing it, each with its own memory and a clock the test moves. Same configuration
 * as the other integration tests, so the same context; every test uses addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class SharedRateLimitsIntegrationTests {

    private static final Limit THREE_AN_HOUR = new Limit(3, Duration.ofHours(1));

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Signer signer;

    // Real time, so that the application's own sweep never takes a window this test is still counting in.
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Test
    void twoInstancesShareOnePerAddressBudgetAndARestartKeepsIt() {
        RateLimiter first = instance();
        RateLimiter second = instance();
        String address = "SMS:" + phone();

        assertThat(first.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address)).isEmpty();
        assertThat(second.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address)).isEmpty();
        assertThat(first.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address)).isEmpty();

        assertThat(second.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address))
                .as("the third request used the budget up, whichever instance counted it")
                .contains(Duration.ofHours(1));
        assertThat(first.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address)).isPresent();
        assertThat(instance().tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, address))
                .as("an instance started afterwards")
                .isPresent();
        assertThat(first.tryAcquire(Bucket.MANAGE_LINK_PER_ADDRESS, address))
                .as("another bucket counts separately")
                .isEmpty();
    }

    @Test
    void everyBucketThatProtectsAPersonIsSharedAndPerClientBucketsStayPerInstance() {
        Map<Bucket, Limit> one = new java.util.EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            one.put(bucket, new Limit(1, Duration.ofMinutes(10)));
        }
        RateLimiter first = instance(one);
        RateLimiter second = instance(one);
        String key = phone();

        for (Bucket bucket : Bucket.values()) {
            assertThat(first.tryAcquire(bucket, key)).as(bucket.name()).isEmpty();
            if (bucket.name().endsWith("_PER_CLIENT")) {
                assertThat(bucket.scope()).isEqualTo(Bucket.Scope.INSTANCE);
                assertThat(second.tryAcquire(bucket, key))
                        .as("%s: each instance counts its own clients", bucket)
                        .isEmpty();
            } else {
                assertThat(bucket.scope()).isEqualTo(Bucket.Scope.SHARED);
                assertThat(second.tryAcquire(bucket, key))
                        .as("%s: one budget for every instance", bucket)
                        .isPresent();
            }
        }
    }

    @Test
    void aWindowEndsAfterItsPeriodAndRetryAfterSaysWhen() {
        RateLimiter first = instance();
        RateLimiter second = instance();
        String number = phone();
        for (int i = 0; i < 3; i++) {
            first.acquire(Bucket.SMS_REPLY_PER_NUMBER, number);
        }
        clock.advance(Duration.ofMinutes(20));

        assertThatThrownBy(() -> second.acquire(Bucket.SMS_REPLY_PER_NUMBER, number))
                .isInstanceOfSatisfying(
                        RateLimitExceeded.class,
                        e -> assertThat(e.retryAfterSeconds())
                                .isEqualTo(Duration.ofMinutes(40).toSeconds()));

        clock.advance(Duration.ofMinutes(40));

        assertThat(second.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, number)).isEmpty();
        assertThat(first.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, number)).isEmpty();
        assertThat(first.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, number)).isEmpty();
        assertThat(second.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, number))
                .as("the new window has the same three permits, and ends an hour after it began")
                .contains(Duration.ofHours(1));
    }

    @Test
    void concurrentRequestsFromManyThreadsAndTwoInstancesNeverGetMoreThanTheLimit() throws Exception {
        List<RateLimiter> instances = List.of(instance(), instance());
        String address = "EMAIL:flood+" + UUID.randomUUID() + "@example.no";
        int threads = 16;
        int attempts = 96;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                RateLimiter limiter = instances.get(i % 2);
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return limiter.tryAcquire(Bucket.MANAGE_LINK_PER_ADDRESS, address)
                            .isEmpty();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }

            assertThat(admitted).isEqualTo(THREE_AN_HOUR.permits());
        } finally {
            pool.shutdownNow();
        }
        assertThat(row(Bucket.MANAGE_LINK_PER_ADDRESS, address))
                .as("the count stops one past the limit")
                .contains(THREE_AN_HOUR.permits() + 1);
    }

    @Test
    void theDatabaseHoldsAKeyedHashOfTheAddressNeverTheAddress() {
        String phone = phone();
        String email = "hash+" + UUID.randomUUID() + "@example.no";
        RateLimiter limiter = instance();
        limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, "SMS:" + phone);
        limiter.tryAcquire(Bucket.MANAGE_LINK_PER_ADDRESS, "EMAIL:" + email);
        limiter.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, phone);

        assertThat(row(Bucket.SUBSCRIBE_PER_ADDRESS, "SMS:" + phone)).contains(1);
        assertThat(row(Bucket.SMS_REPLY_PER_NUMBER, phone)).contains(1);
        for (String value : List.of(phone, phone.substring(3), email, email.substring(0, email.indexOf('@')))) {
            assertThat(jdbc.sql("SELECT t::text FROM rate_limit_window t WHERE position(:value in t::text) > 0")
                            .param("value", value)
                            .query(String.class)
                            .list())
                    .as(value)
                    .isEmpty();
        }
        assertThat(new Signer(new byte[Signer.MIN_SECRET_BYTES]).mac(DatabaseWindows.KEY_PURPOSE, phone))
                .as("without the token secret the hash cannot be recomputed from a guessed number")
                .isNotEqualTo(signer.mac(DatabaseWindows.KEY_PURPOSE, phone));
    }

    @Test
    void endedWindowsAreSweptAndRunningOnesKept() {
        RateLimiter limiter = instance(Map.of(
                Bucket.SUBSCRIBE_PER_ADDRESS, new Limit(3, Duration.ofMinutes(10)),
                Bucket.MANAGE_LINK_PER_ADDRESS, new Limit(3, Duration.ofHours(1))));
        String ending = "SMS:" + phone();
        String running = "SMS:" + phone();
        limiter.tryAcquire(Bucket.SUBSCRIBE_PER_ADDRESS, ending);
        limiter.tryAcquire(Bucket.MANAGE_LINK_PER_ADDRESS, running);
        clock.advance(Duration.ofMinutes(10));

        new ExpiredWindowSweep(new DatabaseWindows(jdbc, signer), clock).sweep();

        assertThat(row(Bucket.SUBSCRIBE_PER_ADDRESS, ending)).isEmpty();
        assertThat(row(Bucket.MANAGE_LINK_PER_ADDRESS, running)).contains(1);
    }

    private RateLimiter instance() {
        return instance(Map.of(
                Bucket.SUBSCRIBE_PER_ADDRESS, THREE_AN_HOUR,
                Bucket.MANAGE_LINK_PER_ADDRESS, THREE_AN_HOUR,
                Bucket.SMS_REPLY_PER_NUMBER, THREE_AN_HOUR));
    }

    private RateLimiter instance(Map<Bucket, Limit> limits) {
        return new RateLimiter(
                new RateLimitProperties(true, limits, 100_000), clock, new DatabaseWindows(jdbc, signer));
    }

    /** The stored count of the key's window, found by its hash. */
    private java.util.Optional<Integer> row(Bucket bucket, String key) {
        return jdbc.sql("SELECT count FROM rate_limit_window WHERE bucket = :bucket AND key_hash = :hash")
                .param("bucket", bucket.name())
                .param("hash", signer.mac(DatabaseWindows.KEY_PURPOSE, key))
                .query(Integer.class)
                .optional();
    }

    /** A number no other test uses (59 is not a mobile range: nothing else counts it). */
    private static String phone() {
        return "+4759" + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
