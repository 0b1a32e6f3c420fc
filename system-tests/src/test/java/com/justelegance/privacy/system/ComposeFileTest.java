package com.justelegance.privacy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What can be checked of {@code docker-compose.yml} without a Docker engine (our machines have none): it parses,
 * each service gets only settings it reads, every mounted file exists or is made by a step the file documents,
 * published ports are the ones the containers listen on and the host tools use, and every long-running container
 * has a health check. Whether the images start is not tested here.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The console: no database and no broker, only the services' URLs and the keys for its tokens and cookies. */
    private static final String CONSOLE = "privacy-console";
    private static final List<String> APP_SERVICES =
            List.of("consent-service", "retention-service", "dsr-service", "disclosure-service");
    /** The broker address the simulator, ./stack demo and ./stack emit use by default. */
    private static final String HOST_KAFKA_PORT = "9092";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    /** A top-level method of a config mapping interface (four spaces in): one property. */
    private static final Pattern MAPPING_METHOD = Pattern.compile("(?m)^ {4}[\\w<>, ]+ (\\w+)\\(\\);");

    private static String composeText;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        services = new YAMLMapper().readTree(composeText).path("services");
    }

    @Test
    void theFileParsesAndNamesEveryService() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names, equalTo(List.of("postgres", "kafka", "topics", "consent-service", "retention-service",
                "dsr-service", "disclosure-service", CONSOLE)));
        // Merge keys (<<) are not part of YAML 1.2; readers disagree on them, so the file does without.
        assertThat(composeText, not(containsString("<<:")));
    }

    @Test
    void everyVariableAServiceIsGivenIsOneItReads() throws IOException {
        for (String service : APP_SERVICES) {
            Set<String> reads = variablesRead(service);
            List<String> unread = new ArrayList<>();
            services.path(service).path("environment").fieldNames().forEachRemaining(variable -> {
                if (!reads.contains(variable)) {
                    unread.add(variable);
                }
            });
            assertThat(service + " is given settings it never reads", unread, empty());
            assertThat(service, reads, hasItem("PRIVACY_DB_URL"));
        }
        String consoleConfig = Files.readString(ROOT.resolve(CONSOLE + "/src/main/resources/application.properties"));
        services.path(CONSOLE).path("environment").fieldNames().forEachRemaining(variable ->
                assertThat(CONSOLE + " reads " + variable, consoleConfig, containsString("${" + variable)));
        // It reaches each service by its compose name, on the port that service listens on.
        for (String service : APP_SERVICES) {
            String variable = "CONSOLE_" + service.replace("-service", "").toUpperCase() + "_URL";
            assertThat(env(CONSOLE, variable), equalTo("http://" + service + ":"
                    + applicationProperties(service).getProperty("quarkus.http.port")));
        }
    }

    @Test
    void servicesReachTheBrokerAndTheirOwnDatabaseWhereTheComposeNetworkHasThem() throws IOException {
        String advertised = env("kafka", "KAFKA_ADVERTISED_LISTENERS");
        String initSql = Files.readString(ROOT.resolve("infra/postgres/init.sql"));
        for (String service : APP_SERVICES) {
            assertThat(advertised, containsString("://" + env(service, "PRIVACY_KAFKA_BOOTSTRAP")));
            String database = env(service, "PRIVACY_DB_URL").replaceFirst("^jdbc:postgresql://postgres:5432/", "");
            assertThat(initSql, containsString("CREATE DATABASE " + database + " OWNER privacy"));
        }
    }

    @Test
    void publishedPortsAreTheOnesListenedOnAndTheHostToolsUse() throws IOException {
        for (String service : withConsole()) {
            String httpPort = applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(service, ports(service), equalTo(List.of(httpPort + ":" + httpPort)));
        }
        assertThat(ports("kafka"), equalTo(List.of(HOST_KAFKA_PORT + ":9092")));
        assertThat(env("kafka", "KAFKA_LISTENERS"), containsString("HOST://:9092"));
        assertThat(env("kafka", "KAFKA_ADVERTISED_LISTENERS"), containsString("HOST://localhost:" + HOST_KAFKA_PORT));
        // A PostgreSQL on the host already has 5432 (./stack uses it); the container's stays inside.
        assertThat(ports("postgres"), empty());
    }

    @Test
    void everyMountedPathExistsOrIsMadeByADocumentedStep(@TempDir Path state) throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : iterable(services.fields())) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                assertThat(service.getKey() + " mounts with the long syntax", volume.path("type").asText(),
                        equalTo("bind"));
                // Without this, Docker mounts an empty directory where a build or the keys are missing.
                assertThat(service.getKey(), volume.path("bind").path("create_host_path").asBoolean(true),
                        equalTo(false));
                String source = volume.path("source").asText();
                if (source.equals("./.stack/keys")) {
                    continue;   // made by ./stack token: checked below
                }
                if (source.equals("./.stack/console")) {
                    assertThat(composeText, containsString("mkdir -p .stack/console"));
                    continue;
                }
                if (source.endsWith("/target/quarkus-app")) {
                    assertThat(composeText, containsString("./mvnw -B package -DskipTests"));
                }
                if (!Files.exists(ROOT.resolve(source))) {
                    missing.add(service.getKey() + ": " + source);
                }
            }
        }
        assertThat(missing, empty());

        // The documented key step: `./stack token <role>` creates the key pair and master key the file mounts.
        assertThat(composeText, containsString("./stack token privacy-officer > /dev/null"));
        assertThat(composeText, containsString("export PRIVACY_KIT_MASTER_KEY=\"$(cat .stack/keys/master.key)\""));
        Process token = new ProcessBuilder("bash", "-c", "source ../stack; STATE=\"$1\"; token privacy-officer",
                "bash", state.toString()).redirectErrorStream(true).redirectOutput(state.resolve("out").toFile())
                .start();
        assertThat(token.waitFor(30, TimeUnit.SECONDS), equalTo(true));
        assertThat(Files.readString(state.resolve("out")), token.exitValue(), equalTo(0));
        for (String service : APP_SERVICES) {
            String keyFile = env(service, "PRIVACY_JWT_PUBLIC_KEY").replaceFirst("^file:/keys/", "");
            assertThat(Files.exists(state.resolve("keys").resolve(keyFile)), equalTo(true));
        }
        assertThat(Files.exists(state.resolve("keys/master.key")), equalTo(true));
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() throws IOException {
        for (Map.Entry<String, JsonNode> service : iterable(services.fields())) {
            if (isOneShot(service.getKey())) {
                continue;
            }
            assertThat(service.getKey() + " has a health check",
                    service.getValue().path("healthcheck").path("test").isArray(), equalTo(true));
        }
        for (String service : withConsole()) {
            String check = services.path(service).path("healthcheck").path("test").toString();
            String httpPort = applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(service, check, containsString("/dev/tcp/127.0.0.1/" + httpPort));
            assertThat(service, check, containsString("/q/health/ready"));
        }
    }

    @Test
    void theReadmeSaysTheComposeRunIsUntested() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md")), containsString("docker-compose.yml"));
        assertThat(Files.readString(ROOT.resolve("README.md")),
                containsString("The full compose run is untested"));
    }

    private static List<String> withConsole() {
        List<String> all = new ArrayList<>(APP_SERVICES);
        all.add(CONSOLE);
        return all;
    }

    /** A service others wait for with service_completed_successfully runs once and exits. */
    private static boolean isOneShot(String name) {
        for (JsonNode service : services) {
            if ("service_completed_successfully".equals(service.path("depends_on").path(name).path("condition")
                    .asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The environment variables a service reads: those its configuration names as {@code ${VAR}}, and the
     * standard environment names (upper case, other characters as '_') of the properties it has.
     */
    private static Set<String> variablesRead(String service) throws IOException {
        List<String> configs = List.of(
                Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties")),
                Files.readString(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties")));
        // Quarkus itself reads the profile's name.
        Set<String> variables = new HashSet<>(Set.of("QUARKUS_PROFILE"));
        Set<String> properties = new HashSet<>();
        for (String config : configs) {
            Matcher reference = ENV_REFERENCE.matcher(config);
            while (reference.find()) {
                variables.add(reference.group(1));
            }
            Properties parsed = new Properties();
            parsed.load(new StringReader(config));
            parsed.stringPropertyNames().forEach(key -> properties.add(key.replaceFirst("^%[\\w-]+\\.", "")));
        }
        properties.addAll(mappedProperties(ROOT.resolve(service + "/src/main/java")));
        properties.addAll(mappedProperties(ROOT.resolve("service-kit/src/main/java")));
        properties.forEach(property -> variables.add(property.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
        return variables;
    }

    /** Properties of the {@code @ConfigMapping} interfaces under a source tree: prefix.kebab-case-method. */
    private static Set<String> mappedProperties(Path sources) throws IOException {
        Set<String> properties = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher mapping = CONFIG_MAPPING.matcher(code);
                if (!mapping.find()) {
                    continue;
                }
                Matcher method = MAPPING_METHOD.matcher(code);
                while (method.find()) {
                    properties.add(mapping.group(1) + "." + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                            .toLowerCase());
                }
            }
        }
        return properties;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(
                ROOT.resolve(service + "/src/main/resources/application.properties"))));
        return properties;
    }

    private static String env(String service, String variable) {
        return services.path(service).path("environment").path(variable).asText();
    }

    private static List<String> ports(String service) {
        List<String> ports = new ArrayList<>();
        services.path(service).path("ports").forEach(port -> ports.add(port.asText()));
        return ports;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
