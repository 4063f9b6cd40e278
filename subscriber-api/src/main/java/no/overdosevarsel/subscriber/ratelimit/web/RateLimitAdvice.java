package no.overdosevarsel.subscriber.ratelimit.web;

import no.overdosevarsel.subscriber.ratelimit.RateLimitExceeded;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A per-address limit hit inside a controller: the same 429 problem as the per-client filter's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    private final MessageSource messages;

    RateLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RateLimitExceeded.class)
    ResponseEntity<ProblemDetail> exceeded(RateLimitExceeded e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(RateLimitProblem.headers(e))
                .body(RateLimitProblem.of(messages, LocaleContextHolder.getLocale()));
    }
}
