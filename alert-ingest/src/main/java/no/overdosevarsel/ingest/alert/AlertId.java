package no.overdosevarsel.ingest.alert;

import java.util.UUID;

/** The stable public id of an alert, the same for all its versions and the key of its records on {@code alerts}. */
public record AlertId(UUID value) {

    public static AlertId random() {
        return new AlertId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
