package no.overdosevarsel.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Problem details for every app; bokmål unless the client asks for English. */
@AutoConfiguration
public class WebPlatformConfiguration {

    public static final Locale BOKMAL = Locale.forLanguageTag("nb");

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messageSource) {
        return new ProblemDetailsAdvice(messageSource);
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(BOKMAL);
        resolver.setSupportedLocales(List.of(BOKMAL, Locale.ENGLISH));
        return resolver;
    }
}
