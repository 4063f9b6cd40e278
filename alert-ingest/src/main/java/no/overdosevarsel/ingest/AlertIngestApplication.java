package no.overdosevarsel.ingest;

import java.time.Clock;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alert-ingest application. Its defaults live in {@code alert-ingest.properties} rather than {@code application.properties} so that
 * the three apps can share one classpath (infra/standalone) without shadowing each other's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource("classpath:alert-ingest.properties")
public class AlertIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertIngestApplication.class, args);
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
