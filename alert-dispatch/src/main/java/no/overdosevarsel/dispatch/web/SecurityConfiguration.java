package no.overdosevarsel.dispatch.web;

import no.overdosevarsel.platform.security.ResourceServerSecurity;
import no.overdosevarsel.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. {@code /api/**} is for coordinators: a bearer JWT from the configured issuer with a coordinator
 * role (region scope is checked by each feature). Everything else is public and read-only (feeds, alert pages, CAP,
 * health) or verifies its own signature (provider webhooks), and never looks at a token, so a stray or expired
 * {@code Authorization} header cannot break a feed reader; what is not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String API = "/api/**";

    private static final String[] STAFF = {Role.COORDINATOR.name(), Role.APPROVER.name(), Role.ADMIN.name()};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer
                .apply(http.securityMatcher(API))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/api/alerts/*/deliveries", "/api/alerts/*/versions/*/deliveries")
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .denyAll())
                .build();
    }

    /** Metrics (the Prometheus scrape included) for operators: a bearer token with the ADMIN role. */
    @Bean
    @Order(2)
    SecurityFilterChain operatorSecurity(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer
                .apply(http.securityMatcher("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.name()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain dispatchSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/feeds/**",
                                "/varsel/**",
                                "/cap/**",
                                "/outbox",
                                "/outbox.json",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        // Twilio's callbacks carry their own signature, checked by the controller.
                        .requestMatchers(HttpMethod.POST, "/webhooks/twilio/status")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
