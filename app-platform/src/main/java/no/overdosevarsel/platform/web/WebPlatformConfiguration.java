package no.overdosevarsel.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Problem details for every app; bokmål unless the client asks for English. */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebPlatformConfiguration {

    public static final Locale BOKMAL = Locale.forLanguageTag("nb");

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messageSource) {
        return new ProblemDetailsAdvice(messageSource);
    }

    /** Bokmål unless the client asks for English; other languages fall back to bokmål until their bundles exist. */
    @Bean
    static BeanPostProcessor supportedLocales() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AcceptHeaderLocaleResolver resolver) {
                    resolver.setDefaultLocale(BOKMAL);
                    resolver.setSupportedLocales(List.of(BOKMAL, Locale.ENGLISH));
                }
                return bean;
            }
        };
    }
}
