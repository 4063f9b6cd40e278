package no.overdosevarsel.subscriber.manage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param validity how long a manage link works after it was sent, in whole minutes (the message says how many) */
@ConfigurationProperties("overdosevarsel.manage")
record ManageLinkProperties(@DefaultValue("30m") Duration validity) {

    ManageLinkProperties {
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("overdosevarsel.manage.validity must be whole minutes; was " + validity);
        }
    }
}
