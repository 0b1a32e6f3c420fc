package com.justelegance.privacy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.EventCodec;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import com.justelegance.privacy.simulator.datasource.BearerTokens;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The simulator's {@code serve} side for tests: the data-source API on a free port and the erasure participant on
 * the real test broker (the one {@code ./stack test} runs, at {@code PRIVACY_TEST_KAFKA_BOOTSTRAP}), with a customer
 * directory of its own in a temporary folder and its own consumer group. Tokens are signed with a key pair made
 * for the run, whose public half the server reads from a PEM file, as {@code ./stack up} hands it the dev key.
 */
final class RunningStorefront implements AutoCloseable {

    static final String ISSUER = "https://auth.justelegance.com";

    private final KeyPair issuerKeys;
    private final Path dataDir;
    private final ServeCommand.Storefront storefront;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningStorefront(KeyPair issuerKeys, Path dataDir, ServeCommand.Storefront storefront) {
        this.issuerKeys = issuerKeys;
        this.dataDir = dataDir;
        this.storefront = storefront;
    }

    static RunningStorefront start() throws IOException {
        requireBroker();
        KeyPair keys = newKeyPair();
        Path dataDir = Files.createTempDirectory("storefront-test");
        Path publicKey = dataDir.resolve("jwt-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        ServeCommand.Storefront storefront = ServeCommand.Storefront.start(new InetSocketAddress("localhost", 0),
                dataDir, new BearerTokens(BearerTokens.readPublicKey(publicKey), ISSUER), bootstrap(),
                "storefront-test-" + UUID.randomUUID(), Clock.systemUTC());
        return new RunningStorefront(keys, dataDir, storefront);
    }

    static String bootstrap() {
        String value = System.getenv("PRIVACY_TEST_KAFKA_BOOTSTRAP");
        return value == null || value.isBlank() ? "localhost:19092" : value;
    }

    Path dataDir() {
        return dataDir;
    }

    CustomerDirectory directory() {
        return storefront.directory();
    }

    boolean consumerRuns() {
        return storefront.consumer().isRunning();
    }

    /** Plays a simulator run into this storefront's directory: its events go to the test broker. */
    int play(String runId, int customers, long seed) {
        return StorefrontSimulator.commandLine().execute("--bootstrap", bootstrap(), "--customers",
                Integer.toString(customers), "--seed", Long.toString(seed), "--run-id", runId, "--data-dir",
                dataDir.toString());
    }

    /** The customers of the directory, re-read. */
    List<Customer> customers() throws IOException {
        return directory().customers();
    }

    /** A GET with the given {@code Authorization} header (none when null); the path may carry a raw query. */
    HttpResponse<String> get(String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + storefront.port() + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The data-source API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET as dsr-service. */
    HttpResponse<String> getAsDsrService(String pathAndQuery) {
        return get(pathAndQuery, bearer(BearerTokens.REQUIRED_ROLE));
    }

    /** The subject ids the look-up answers for one identifier, sent percent-encoded (a space as %20). */
    List<String> lookUp(String parameter, String value) {
        HttpResponse<String> response = getAsDsrService("/data-source/v1/subjects?" + parameter + "="
                + encode(value));
        if (response.statusCode() != 200) {
            throw new AssertionError("look-up answered " + response.statusCode() + ": " + response.body());
        }
        List<String> subjectIds = new ArrayList<>();
        json(response.body()).get("subjectIds").forEach(id -> subjectIds.add(id.asText()));
        return subjectIds;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode json(String body) {
        try {
            return EventCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** A bearer token of the run's issuer for the roles, issued a minute ago and valid for 50 minutes. */
    String bearer(String... roles) {
        Instant now = Instant.now();
        return bearer(issuerKeys.getPrivate(), now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles);
    }

    /** A token issued and expiring when the test says, signed by the run's issuer. */
    String bearer(Instant issuedAt, Instant expiresAt, String... roles) {
        return bearer(issuerKeys.getPrivate(), issuedAt, expiresAt, roles);
    }

    /** A token that looks right but is signed by some other key. */
    static String bearerSignedByAnotherKey(String... roles) {
        Instant now = Instant.now();
        return bearer(newKeyPair().getPrivate(), now.minusSeconds(60), now.plus(Duration.ofMinutes(50)), roles);
    }

    private static String bearer(PrivateKey key, Instant issuedAt, Instant expiresAt, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("test-" + String.join("+", roles));
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return "Bearer " + jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireBroker() {
        String[] hostPort = bootstrap().split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("The Kafka test broker at " + bootstrap() + " is not running. Run the "
                    + "tests through ./stack test, or start it first with ./stack test-infra up.", e);
        }
    }

    /** Stops serving and removes the run's directory (it holds made-up personal data). */
    @Override
    public void close() {
        storefront.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the storefront
        }
    }
}
