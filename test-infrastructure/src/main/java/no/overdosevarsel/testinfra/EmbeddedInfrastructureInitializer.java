package no.overdosevarsel.testinfra;

import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test issuer for bearer tokens; and without Docker, a KRaft broker in this JVM and a fresh database, both closed
 * with the context.
 */
class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Whatever runs Kafka and PostgreSQL: tokens come from the test issuer unless the app under test is its own.
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "testIssuer",
                        Map.of(
                                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                                TestIssuer.shared().issuer())));
        if (TestInfrastructure.useContainers()) {
            return;
        }
        TestInfrastructure.Kafka kafka = TestInfrastructure.startKafka();
        TestInfrastructure.Database database = TestInfrastructure.createDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "realInfrastructure",
                        Map.of(
                                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                                "spring.datasource.url", database.url(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password())));
        // Registered before any other bean, so destroyed after all of them: consumers and pools close first.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("realInfrastructure", () -> {
                kafka.close();
                database.close();
            });
        }
    }
}
