package no.overdosevarsel.platform.security;

import java.util.List;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The resource-server side of identity, shared by every app: claims mapping, problem answers, the coordinator seam. */
@AutoConfiguration
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityPlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CoordinatorJwtConverter coordinatorJwtConverter(
            IdentityProperties properties, ObjectProvider<RegionCatalogue> catalogue) {
        return new CoordinatorJwtConverter(properties, catalogue.getIfAvailable(RegionCatalogue::norway));
    }

    @Bean
    ProblemResponses problemResponses(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, LocaleResolver locales) {
        return new ProblemResponses(resolver, locales);
    }

    @Bean
    ResourceServerSecurity resourceServerSecurity(CoordinatorJwtConverter converter, ProblemResponses problems) {
        return new ResourceServerSecurity(converter, problems);
    }

    @Bean
    WebMvcConfigurer coordinatorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CoordinatorArgumentResolver());
            }
        };
    }
}
