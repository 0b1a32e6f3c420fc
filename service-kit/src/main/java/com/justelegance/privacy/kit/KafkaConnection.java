package com.justelegance.privacy.kit;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the broker is and how to reach it safely, picked from the messaging connector's settings
 * ({@code @Identifier("default-kafka-broker")}): the kit's own Kafka clients (the outbox producer, the audit anchor
 * reader, the health check) take these and nothing else, since the connector's other settings (group ids,
 * deserialisers, batch sizes) are for its channels.
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The bootstrap servers and every {@code security.*}, {@code sasl.*} and {@code ssl.*} setting, in a new map. */
    public static Map<String, Object> settings(Map<String, Object> connectorConfig) {
        Map<String, Object> settings = new HashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
