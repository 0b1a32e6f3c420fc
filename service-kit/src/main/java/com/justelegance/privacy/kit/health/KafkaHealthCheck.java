package com.justelegance.privacy.kit.health;

import com.justelegance.privacy.kit.KafkaConnection;
import com.justelegance.privacy.kit.KitConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: whether the Kafka broker answers within {@code privacy.kit.health.kafka.timeout} (one second). Replaces
 * Quarkus' own Kafka check, which waits up to the client's 60-second default and so made every health call hang
 * while the broker was down. Readiness only: a broker outage must not get a healthy process restarted. A service
 * that works without the broker turns it off with {@code privacy.kit.health.kafka.enabled=false}.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "privacy.kit.health.kafka.enabled", stringValue = "true", enableIfMissing = true)
public class KafkaHealthCheck implements HealthCheck {

    static final String NAME = "Kafka broker";

    private final Map<String, Object> adminConfig = new HashMap<>();
    private final Duration timeout;
    private Admin admin;

    public KafkaHealthCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KitConfig kitConfig) {
        this.timeout = kitConfig.health().kafka().timeout();
        adminConfig.putAll(KafkaConnection.settings(kafkaConfig));
        int millis = (int) timeout.toMillis();
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin()
                    .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes.size()).build();
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (TimeoutException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private HealthCheckResponse down(Throwable cause) {
        return HealthCheckResponse.named(NAME).down()
                .withData("reason", "no answer within " + timeout + " (" + cause.getClass().getSimpleName() + ")")
                .build();
    }
}
