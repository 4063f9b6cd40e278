package no.overdosevarsel.subscriber.ratelimit.web;

import java.util.Locale;
import no.overdosevarsel.platform.web.Problems;
import no.overdosevarsel.subscriber.ratelimit.RateLimitExceeded;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one 429 problem, whether a filter or a controller found the limit exceeded. */
final class RateLimitProblem {

    static final String TYPE = "rate-limited";

    private RateLimitProblem() {}

    static ProblemDetail of(MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setType(Problems.type(TYPE));
        problem.setTitle(messages.getMessage("problem.rate-limited.title", null, "Too many requests", locale));
        problem.setDetail(messages.getMessage("problem.rate-limited", null, "Too many requests.", locale));
        return problem;
    }

    static HttpHeaders headers(RateLimitExceeded exceeded) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()));
        return headers;
    }
}
