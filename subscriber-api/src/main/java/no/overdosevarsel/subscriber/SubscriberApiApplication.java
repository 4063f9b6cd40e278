package no.overdosevarsel.subscriber;

import java.time.Clock;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The subscriber-api application. Its defaults live in {@code subscriber-api.properties} rather than {@code application.properties} so that
 * the three apps can share one classpath (infra/standalone) without shadowing each other's configuration.
 *
 * <p>It has no local accounts, so Spring Boot's generated user (and the password it would log) is switched off.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@PropertySource("classpath:subscriber-api.properties")
public class SubscriberApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriberApiApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RegionCatalogue regionCatalogue() {
        return RegionCatalogue.norway();
    }
}
