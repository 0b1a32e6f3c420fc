package com.justelegance.privacy.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The {@code stack} script, function by function: each test sources it (its {@code main} only runs when it is
 * executed) and points its state directory at a temporary one, so nothing here touches a running stack.
 */
class StackScriptTest {

    private static final Path STACK = Path.of("..", "stack").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** A stand-in for java: prints the run's mark and its arguments, then exits like a crashed service. */
    private Path fakeJava() throws IOException {
        Path java = tmp.resolve("fake-java");
        Files.writeString(java, "#!/bin/sh\necho \"run $MARK: $*\"\n");
        java.toFile().setExecutable(true);
        return java;
    }

    /** A checkout with one built service, as ./mvnw package leaves it. */
    private Path checkoutWithBuiltService(String jarContent) throws IOException {
        Path app = tmp.resolve("root/consent-service/target/quarkus-app");
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("quarkus-run.jar"), jarContent);
        Files.writeString(app.resolve("lib/dependency.jar"), jarContent);
        Files.createDirectories(tmp.resolve("state/keys"));
        Files.writeString(tmp.resolve("state/keys/master.key"), "test-only\n");
        return tmp.resolve("root");
    }

    private static final String POINT_AT_TMP = """
            source "$STACK"
            ROOT="$T/root"; STATE="$T/state"; LOGS="$T/state/logs"; RUN="$T/state/run"; JAVA="$T/fake-java"
            """;

    @Test
    void aRestartKeepsTheLogOfTheRunBefore() throws Exception {
        checkoutWithBuiltService("v1");
        fakeJava();

        Result result = bash(POINT_AT_TMP + """
                stage_service consent-service
                MARK=first start_service consent-service; wait
                MARK=second start_service consent-service; wait
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        Path logs = tmp.resolve("state/logs");
        assertThat(Files.readString(logs.resolve("consent-service.log")), containsString("run second"));
        assertThat(Files.readString(logs.resolve("consent-service.log.1")), containsString("run first"));
    }

    @Test
    void rotationKeepsTheLastFiveLogsNewestFirst() throws Exception {
        Result result = bash("""
                source "$STACK"
                for run in 1 2 3 4 5 6 7; do echo "run $run" > "$T/kafka.log"; rotate_log "$T/kafka.log"; done
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(Files.readString(tmp.resolve("kafka.log.1")).strip(), equalTo("run 7"));
        assertThat(Files.readString(tmp.resolve("kafka.log.5")).strip(), equalTo("run 3"));
        assertThat(Files.exists(tmp.resolve("kafka.log.6")), equalTo(false));
    }

    @Test
    void servicesRunFromACopyThatALaterBuildDoesNotChange() throws Exception {
        Path root = checkoutWithBuiltService("v1");
        fakeJava();

        Result result = bash(POINT_AT_TMP + """
                stage_service consent-service
                echo v2 > "$ROOT/consent-service/target/quarkus-app/quarkus-run.jar"
                MARK=staged start_service consent-service; wait
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        Path staged = tmp.resolve("state/run/consent-service");
        assertThat(Files.readString(staged.resolve("quarkus-run.jar")), equalTo("v1"));
        assertThat(Files.readString(staged.resolve("lib/dependency.jar")), equalTo("v1"));
        assertThat(Files.readString(tmp.resolve("state/logs/consent-service.log")),
                containsString("-jar " + staged.resolve("quarkus-run.jar")));
        assertThat(Files.readString(root.resolve("consent-service/target/quarkus-app/quarkus-run.jar")).strip(),
                equalTo("v2"));
    }

    @Test
    void helpPrintsTheWholeHeaderComment() throws Exception {
        List<String> lines = Files.readAllLines(STACK);
        String header = lines.stream().skip(1).takeWhile(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^# ?", ""))
                .collect(Collectors.joining("\n", "", "\n"));

        Result result = run(List.of("bash", STACK.toString(), "help"), Duration.ofSeconds(10));

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(result.out(), equalTo(header));
        assertThat(result.out(), containsString("./stack emit"));
    }

    @Test
    void statusAnswersWithinSecondsWhenAServiceAcceptsButNeverReplies() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {   // the kernel accepts connections; nobody answers
            Result result = bash("""
                    source "$STACK"
                    STATE="$T/state"; mkdir -p "$STATE"; DB_PORT=1; KAFKA_PORT=1
                    PORT[consent-service]=%d
                    echo $$ > "$STATE/consent-service.pid"
                    cmd_status
                    """.formatted(silent.getLocalPort()));

            assertThat(result.err(), result.exit(), equalTo(0));
            assertThat(result.out(), containsString("consent-service"));
            assertThat(result.seconds(), lessThan(10L));
        }
    }

    @Test
    void upPrintsTheUrlTableAndHowToGetATokenButNoTokens() throws Exception {
        Result result = bash("""
                source "$STACK"
                STATE="$T/state"
                print_urls
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(result.out(), containsString("http://localhost:8084/q/swagger-ui"));
        assertThat(result.out(), containsString("./stack token <role>"));
        assertThat(result.out(), not(containsString("eyJ")));   // every JWT starts so: {"alg" in base64url
        assertThat(result.out().lines().count(), lessThan(15L));
    }

    @Test
    void upPrintsTheConsoleAndThePrivacyCentreWithTheUsersTheConsoleCreated() throws Exception {
        Result result = bash("""
                source "$STACK"
                STATE="$T/state"; CONSOLE_USERS="$STATE/console/users.properties"; mkdir -p "$STATE/console"
                printf 'agent customer-service pw-agent\\nofficer privacy-officer pw-officer\\n' > "$CONSOLE_USERS.initial"
                print_console_urls
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(result.out(), containsString("http://localhost:8085/console"));
        assertThat(result.out(), containsString("http://localhost:8085/privacy-centre"));
        assertThat(result.out(), containsString("officer    privacy-officer    pw-officer"));
        assertThat(result.out(), containsString("agent      customer-service   pw-agent"));
    }

    @Test
    void theMailServerTakesMailForThePrivacyMailboxOverSmtpShowsItOverImapAndStops() throws Exception {
        int smtp = freePort();
        int imap = freePort();

        Result result = run(List.of("bash", "-c", """
                source "$STACK"
                STATE="$T/state"; LOGS="$T/state/logs"; MAIL_SMTP_PORT=%d; MAIL_IMAP_PORT=%d
                pick_jdk >/dev/null
                start_mail_server
                mail_status
                printf 'From: ada@example.org\\r\\nTo: %%s\\r\\nSubject: Delete my data\\r\\n\\r\\nPlease.\\r\\n' \\
                    "$PRIVACY_ADDRESS" > "$T/request.eml"
                curl -sS --url "smtp://127.0.0.1:$MAIL_SMTP_PORT" --mail-from ada@example.org \\
                    --mail-rcpt "$PRIVACY_ADDRESS" --upload-file "$T/request.eml"
                curl -sS -u "$MAIL_LOGIN:$MAIL_LOGIN" "imap://127.0.0.1:$MAIL_IMAP_PORT/INBOX" -X 'FETCH 1:* ENVELOPE'
                stop_mail_server
                port_open "$MAIL_IMAP_PORT" && echo "still listening"
                true
                """.formatted(smtp, imap)), Duration.ofSeconds(90));

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(result.out().lines().filter(line -> line.startsWith("mail ")).toList(),
                contains(matchesPattern("mail +running +UP +smtp://localhost:" + smtp + " imap://localhost:" + imap)));
        assertThat(result.out(), containsString("\"Delete my data\""));
        assertThat(result.out(), not(containsString("still listening")));
    }

    @Test
    void onlyDsrServiceIsPointedAtTheMailServer() throws Exception {
        Result result = bash("""
                source "$STACK"
                echo "dsr: $(mail_settings_for dsr-service \
                    | grep -E '^(DSR_MAILBOX_ENABLED|DSR_MAILBOX_PORT|QUARKUS_MAILER_PORT)=' | sort | tr '\n' ' ')"
                echo "consent: $(mail_settings_for consent-service | wc -l) settings"
                print_mail_access
                """);

        assertThat(result.err(), result.exit(), equalTo(0));
        assertThat(result.out(), containsString(
                "dsr: DSR_MAILBOX_ENABLED=true DSR_MAILBOX_PORT=3143 QUARKUS_MAILER_PORT=3025 "));
        assertThat(result.out(), containsString("consent: 0 settings"));
        assertThat(result.out(), containsString("IMAP user privacy, password privacy"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Result bash(String script) throws Exception {
        return run(List.of("bash", "-c", script), Duration.ofSeconds(20));
    }

    private Result run(List<String> command, Duration limit) throws Exception {
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Map.of("STACK", STACK.toString(), "T", tmp.toString()));
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("stack did not finish within " + limit + ": " + String.join(" ", command));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err), seconds);
    }

    private record Result(int exit, String out, String err, long seconds) {
    }
}
