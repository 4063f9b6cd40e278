package no.overdosevarsel.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * Applies the shared resource-server rules to an app's filter chain: bearer JWTs only (verified against the configured
 * issuer's keys), no sessions, and 401/403 as RFC 9457 problems. The app adds its own URL rules.
 */
public final class ResourceServerSecurity {

    private final CoordinatorJwtConverter converter;
    private final ProblemResponses problems;

    ResourceServerSecurity(CoordinatorJwtConverter converter, ProblemResponses problems) {
        this.converter = converter;
        this.problems = problems;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own, so cross-site requests cannot carry them.
                .csrf(csrf -> csrf.disable());
    }

    public ProblemResponses problems() {
        return problems;
    }
}
