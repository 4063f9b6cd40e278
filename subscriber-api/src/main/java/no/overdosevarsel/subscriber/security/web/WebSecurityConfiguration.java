package no.overdosevarsel.subscriber.security.web;

import jakarta.servlet.DispatcherType;
import no.overdosevarsel.platform.security.ResourceServerSecurity;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public, without a login, each with its own proof: subscribing and verifying (the verification code), asking for a
 * manage link (sent only to the address itself), what a manage link or unsubscribe link allows (the signed token),
 * Twilio's webhook (its signature). Health and info are public for probes; every other request is refused with a 403
 * problem. Nothing here uses a session or a cookie, so there is nothing for CSRF to ride on: CSRF protection is off for
 * these paths, which RFC 8058 one-click unsubscribe and Twilio's webhook require.
 *
 * <p>The admin API ({@code /api/admin/**}) is the one place with a login: a resource server that accepts bearer JWTs
 * from the configured issuer and lets in coordinators with the ADMIN role (401 without a valid token, 403 without the
 * role, both as problems). It has a chain of its own so that the public chain stays exactly as it was.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String ADMIN_API = "/api/admin/**";

    @Bean
    @Order(1)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        // The admin API, and metrics (the Prometheus scrape included) for operators.
        http.securityMatcher(ADMIN_API, "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus");
        return resourceServer
                .apply(http)
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, MessageSource messages, LocaleResolver locales, JsonMapper json) throws Exception {
        DeniedProblemHandler denied = new DeniedProblemHandler(messages, locales, json);
        return http.authorizeHttpRequests(requests -> requests
                        // An error dispatch of a permitted request must keep its own status and body.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/subscribers",
                                "/api/subscribers/*/verify",
                                "/api/subscribers/manage-link",
                                "/webhooks/twilio/sms",
                                "/unsubscribe/*",
                                "/confirm/*",
                                "/manage/*/erase")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/unsubscribe/*", "/confirm/*", "/manage/*", "/api/manage/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.PATCH, "/api/manage/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/manage/*")
                        .permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        "/api/**", "/webhooks/**", "/unsubscribe/**", "/confirm/**", "/manage/**"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(denied).accessDeniedHandler(denied))
                .build();
    }
}
