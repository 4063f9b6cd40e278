package no.overdosevarsel.ingest.security;

import no.overdosevarsel.ingest.coordinator.Coordinator;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the signed-in {@link Coordinator}, read from the account at each request so that a changed
 * scope or a disabled account takes effect at once.
 */
@Component
class CurrentCoordinatorResolver implements HandlerMethodArgumentResolver {

    private final CoordinatorAccounts accounts;

    CurrentCoordinatorResolver(CoordinatorAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Coordinator.class);
    }

    @Override
    public Coordinator resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "http-401", "problem.http-401");
        }
        return accounts.credentials(authentication.getName())
                .map(CoordinatorAccounts.Credentials::coordinator)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "http-401", "problem.http-401"));
    }
}
