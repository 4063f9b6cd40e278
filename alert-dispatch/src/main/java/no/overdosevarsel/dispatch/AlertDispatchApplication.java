package no.overdosevarsel.dispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The alert-dispatch application. Its defaults live in {@code alert-dispatch.properties} rather than {@code application.properties} so that
 * the three apps can share one classpath (infra/standalone) without shadowing each other's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:alert-dispatch.properties")
public class AlertDispatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertDispatchApplication.class, args);
    }
}
