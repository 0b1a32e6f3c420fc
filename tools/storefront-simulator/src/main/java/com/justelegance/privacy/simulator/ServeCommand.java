package com.justelegance.privacy.simulator;

import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import com.justelegance.privacy.simulator.datasource.BearerTokens;
import com.justelegance.privacy.simulator.datasource.DataSourceServer;
import com.justelegance.privacy.simulator.erasure.PrivacyRequestsConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: plays the storefront's side of the privacy back office until stopped. It answers dsr-service's
 * data-source API from the customer directory, erases customers when {@code privacy.erasure-requests.v1} asks and
 * answers with receipts, and each day drops the erased customers' order records whose six years have passed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the storefront's data-source API and answers erasure requests from Kafka.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "${env:STOREFRONT_PORT:-8090}",
            description = "HTTP port of the data-source API (default $STOREFRONT_PORT or ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:STOREFRONT_DATA_DIR}",
            description = "the customer directory (customers.json); default $STOREFRONT_DATA_DIR")
    Path dataDir;

    @Option(names = "--bootstrap", defaultValue = "${env:STOREFRONT_KAFKA_BOOTSTRAP:-localhost:9092}",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE})")
    String bootstrap;

    @Option(names = "--jwt-public-key", defaultValue = "${env:STOREFRONT_JWT_PUBLIC_KEY}",
            description = "PEM file with the token issuer's RSA public key; default $STOREFRONT_JWT_PUBLIC_KEY")
    Path jwtPublicKey;

    @Option(names = "--jwt-issuer", defaultValue = "${env:STOREFRONT_JWT_ISSUER:-https://auth.justelegance.com}",
            description = "the issuer tokens must name (default ${DEFAULT-VALUE})")
    String jwtIssuer;

    @Option(names = "--group-id", defaultValue = "storefront",
            description = "Kafka consumer group of the erasure participant (default ${DEFAULT-VALUE})")
    String groupId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (dataDir == null || jwtPublicKey == null) {
            throw new ParameterException(spec.commandLine(), "serve needs --data-dir and --jwt-public-key (or "
                    + "STOREFRONT_DATA_DIR and STOREFRONT_JWT_PUBLIC_KEY)");
        }
        Storefront storefront = Storefront.start(new InetSocketAddress(port), dataDir,
                new BearerTokens(BearerTokens.readPublicKey(jwtPublicKey), jwtIssuer), bootstrap, groupId,
                Clock.systemUTC());
        // Runs until the process is stopped; stopping closes the server and the consumer cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(storefront::close, "storefront-shutdown"));
        LOG.info("Storefront data-source API on http://localhost:{}{}, customers in {}, erasure requests from {}",
                storefront.port(), DataSourceServer.API_BASE, storefront.directory().file(), bootstrap);
        new CountDownLatch(1).await();
        return 0;
    }

    /** The running storefront: its API, its erasure participant and the daily drop of expired order records. */
    record Storefront(DataSourceServer server, PrivacyRequestsConsumer consumer, CustomerDirectory directory,
                      ScheduledExecutorService daily) implements AutoCloseable {

        static Storefront start(InetSocketAddress address, Path dataDir, BearerTokens tokens, String bootstrap,
                                String groupId, Clock clock) throws IOException {
            CustomerDirectory directory = new CustomerDirectory(dataDir);
            ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor();
            daily.scheduleAtFixedRate(() -> dropExpiredOrders(directory, clock), 0, 1, TimeUnit.DAYS);
            PrivacyRequestsConsumer consumer = new PrivacyRequestsConsumer(bootstrap, groupId, directory, clock)
                    .start();
            return new Storefront(DataSourceServer.start(address, directory, tokens), consumer, directory, daily);
        }

        int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.close();
            consumer.close();
            daily.shutdownNow();
        }

        private static void dropExpiredOrders(CustomerDirectory directory, Clock clock) {
            try {
                int dropped = directory.dropExpiredOrders(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
                if (dropped > 0) {
                    LOG.info("Dropped {} order records of erased customers past their six years", dropped);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not drop expired order records; trying again tomorrow", e);
            }
        }
    }
}
