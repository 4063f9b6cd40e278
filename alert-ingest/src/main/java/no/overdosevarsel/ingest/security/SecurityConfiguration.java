package no.overdosevarsel.ingest.security;

import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.ResourceServerSecurity;
import no.overdosevarsel.platform.security.Role;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is an OAuth2 resource server: bearer JWTs from the configured issuer (the embedded one in standalone use),
 * no sessions. Health and info are open to probes, the OpenAPI document to everyone, concern reports to the public,
 * account administration to ADMIN; everything else needs a coordinator role. Finer rules (approver, region scope, four
 * eyes) are the features' own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String API = "/api/**";

    private static final String[] STAFF = {Role.COORDINATOR.name(), Role.APPROVER.name(), Role.ADMIN.name()};

    @Bean
    @Order(3)
    SecurityFilterChain apiSecurity(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer
                .apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        // Metrics and the rest of actuator: operators only.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/reports")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(API)
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /** Local accounts, for the embedded authorization server's sign-in page. */
    @Bean
    UserDetailsService coordinatorLogins(CoordinatorAccounts accounts) {
        return username -> accounts.credentials(username)
                .map(credentials -> User.withUsername(credentials.coordinator().username())
                        .password(credentials.passwordHash())
                        .roles(credentials.coordinator().roles().stream()
                                .map(Role::name)
                                .toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such enabled account"));
    }
}
