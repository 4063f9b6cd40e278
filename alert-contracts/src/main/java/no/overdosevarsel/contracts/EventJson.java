package no.overdosevarsel.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events. ISO-8601 instants, unknown properties ignored so that a consumer tolerates fields
 * added by a newer producer with the same schema version.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
