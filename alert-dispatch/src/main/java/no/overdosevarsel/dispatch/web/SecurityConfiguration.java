package no.overdosevarsel.dispatch.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Feeds, alert pages and health are public and read-only; provider webhooks verify their own signatures. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
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
