package no.overdosevarsel.ingest.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing on the sign-in page: after {@code maxFailures} failed sign-ins for one username, or from one
 * client address, within the period, further attempts for it are turned away (back to the sign-in page with a notice)
 * until the period has passed since the last failure. Only failures count, so a person who signs in correctly is never
 * locked out by their own use. Held in memory, bounded, per instance.
 */
final class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    private final int maxFailures;
    private final Cache<String, AtomicInteger> failures;

    SignInThrottle(int maxFailures, Duration period) {
        this.maxFailures = maxFailures;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(period)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (blocked(userKey(request)) || blocked(clientKey(request))) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        count(userKey(request));
        count(clientKey(request));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private boolean blocked(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count != null && count.get() >= maxFailures;
    }

    private void count(String key) {
        // A new write restarts the period: the lock lasts until the guessing stops.
        AtomicInteger count = failures.get(key, k -> new AtomicInteger());
        count.incrementAndGet();
        failures.put(key, count);
    }

    private static String userKey(HttpServletRequest request) {
        String username = request.getParameter("username");
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(HttpServletRequest request) {
        return "client:" + request.getRemoteAddr();
    }
}
