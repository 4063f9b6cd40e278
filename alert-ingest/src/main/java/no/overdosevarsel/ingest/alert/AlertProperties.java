package no.overdosevarsel.ingest.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param defaultValidity how long an alert stays in force when the coordinator does not say */
@ConfigurationProperties("overdosevarsel.alerts")
record AlertProperties(@DefaultValue("14d") Duration defaultValidity) {

    AlertProperties {
        if (defaultValidity.isNegative() || defaultValidity.isZero()) {
            throw new IllegalArgumentException(
                    "overdosevarsel.alerts.default-validity must be positive, was " + defaultValidity);
        }
    }
}
