package no.overdosevarsel.subscriber;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The subscriber-api application. Its defaults live in {@code subscriber-api.properties} rather than {@code application.properties} so that
 * the three apps can share one classpath (infra/standalone) without shadowing each other's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:subscriber-api.properties")
public class SubscriberApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriberApiApplication.class, args);
    }
}
