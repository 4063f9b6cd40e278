package no.overdosevarsel.subscriber.ratelimit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.overdosevarsel.subscriber.ratelimit.Bucket;
import no.overdosevarsel.subscriber.ratelimit.RateLimitExceeded;
import no.overdosevarsel.subscriber.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits each client IP on every public endpoint. The IP is the request's remote address: behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} (and the proxy's address as trusted) so that it is the client's, not
 * the proxy's. Twilio's webhook is not limited per IP (all of Twilio's requests come from a few addresses); its
 * replies are limited per sender number instead. Nor is the one-click unsubscribe POST: see {@link #bucket}.
 */
@Component
class ClientRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ClientRateLimitFilter(RateLimiter limiter, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.limiter = limiter;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = bucket(request.getMethod(), request.getRequestURI());
        Optional<Duration> wait =
                bucket == null ? Optional.empty() : limiter.tryAcquire(bucket, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitExceeded exceeded = new RateLimitExceeded(bucket, wait.get());
        ProblemDetail problem = RateLimitProblem.of(messages, locales.resolveLocale(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        RateLimitProblem.headers(exceeded).forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The bucket a request counts against; null for requests that are not limited per client. */
    static @Nullable Bucket bucket(String method, String path) {
        if ("POST".equals(method) && path.startsWith("/unsubscribe/")) {
            // One-click unsubscribes arrive from a mail provider's few servers on behalf of many people: an opt-out is
            // never refused for volume. Each token stops one subscriber's email and nothing else.
            return null;
        }
        if (path.startsWith("/unsubscribe/")
                || path.startsWith("/confirm/")
                || path.startsWith("/manage/")
                || path.startsWith("/api/manage/")) {
            return Bucket.LINK_PER_CLIENT;
        }
        if (!"POST".equals(method)) {
            return null;
        }
        if (path.equals("/api/subscribers") || path.equals("/api/subscribers/")) {
            return Bucket.SUBSCRIBE_PER_CLIENT;
        }
        if (path.equals("/api/subscribers/manage-link")) {
            return Bucket.MANAGE_LINK_PER_CLIENT;
        }
        if (path.startsWith("/api/subscribers/") && path.endsWith("/verify")) {
            return Bucket.VERIFY_PER_CLIENT;
        }
        return null;
    }
}
