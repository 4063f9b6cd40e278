package no.overdosevarsel.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.overdosevarsel.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers "not signed in" and "not allowed" with the same RFC 9457 problems as every other error, in the client's
 * language, by handing them to the MVC exception handlers: security filters run before any controller, so those would
 * never see them.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String REALM = "overdosevarsel";

    private final HandlerExceptionResolver resolver;
    private final LocaleResolver locales;

    public ProblemResponses(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, LocaleResolver locales) {
        this.resolver = resolver;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // RFC 6750: say that a bearer token is wanted, and whether the one sent was refused.
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (e instanceof OAuth2AuthenticationException) {
            challenge += ", error=\"invalid_token\"";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        respond(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "http-401", "problem.http-401"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        respond(request, response, new ProblemException(HttpStatus.FORBIDDEN, "http-403", "problem.http-403"));
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        // Outside the DispatcherServlet nobody has applied the app's locale rules (bokmål unless asked otherwise).
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            ModelAndView handled = resolver.resolveException(request, response, null, problem);
            if (handled == null) {
                response.sendError(problem.status().value());
            }
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }
}
