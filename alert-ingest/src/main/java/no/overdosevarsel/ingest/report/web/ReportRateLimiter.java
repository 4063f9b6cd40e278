package no.overdosevarsel.ingest.report.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * One resilience4j rate limiter per client. Clients are known only by a salted hash of their address, in a bounded map
 * that forgets them after a quiet period: nothing here is written anywhere, and a restart forgets everyone.
 */
@Component
class ReportRateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;
    private final byte[] salt = new byte[16];

    ReportRateLimiter(ReportProperties properties) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.perClient())
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(properties.period().multipliedBy(2))
                .build();
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this client may send one more report now; counts it if so. */
    boolean tryAcquire(String clientAddress) {
        return limiters.get(key(clientAddress), k -> RateLimiter.of("concern-reports", config))
                .acquirePermission();
    }

    /** Seconds until a refused client may try again, at most one period. */
    long retryAfterSeconds() {
        return Math.max(1, config.getLimitRefreshPeriod().toSeconds());
    }

    private String key(String clientAddress) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(clientAddress.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
