package no.overdosevarsel.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a {@code @SpringBootTest} its own real Kafka broker and its own PostgreSQL database.
 *
 * <p>With a Docker engine: Testcontainers ({@code apache/kafka}, {@code postgres}) wired through
 * {@code @ServiceConnection}. Without one: an in-JVM KRaft broker and a fresh database on the PostgreSQL server at
 * {@code 127.0.0.1:5432} (or {@value TestInfrastructure#POSTGRES_URL_ENV}), else an embedded PostgreSQL. Either way
 * each application context gets a database of its own, dropped when the context closes, so runs on a shared server
 * never see each other's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@Import(ContainersConfiguration.class)
public @interface RealInfrastructure {}
