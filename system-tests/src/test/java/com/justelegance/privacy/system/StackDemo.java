package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestMailServer;
import com.justelegance.privacy.testing.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.justelegance.privacy.system.RunningSystem.url;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Runs one of {@code ./stack demo}'s stories as the demo does, against the running system: the script is sourced
 * with its ports pointed at the system's processes, storefront and mail server, and its tokens at the test key.
 */
final class StackDemo {

    private static final Path STACK = Path.of("..", "stack").toAbsolutePath().normalize();

    private StackDemo() {
    }

    /**
     * Runs a demo function of the script for a storefront run and returns what it printed; fails the test when the
     * function fails or takes over three minutes.
     *
     * @param function   the script's function, e.g. {@code demo_erasure_request}
     * @param jsonReader {@code jq} or {@code python3}: which of the two the script reads JSON with
     */
    static String tell(String function, String run, String jsonReader) throws IOException, InterruptedException {
        String script = """
                source "$STACK"
                PORT[consent-service]=$CONSENT_PORT; PORT[retention-service]=$RETENTION_PORT
                PORT[dsr-service]=$DSR_PORT; PORT[disclosure-service]=$DISCLOSURE_PORT
                STOREFRONT_PORT=$SF_PORT; STOREFRONT_DATA="$SF_DATA"
                MAIL_SMTP_PORT=$SMTP_PORT; MAIL_IMAP_PORT=$IMAP_PORT; PRIVACY_ADDRESS=$MAILBOX_ADDRESS
                [ "$JSON_READER" = jq ] || JQ=""
                token() { local name="TEST_TOKEN_${1//-/_}"; printf '%s\\n' "${!name}"; }
                "$DEMO_FUNCTION" "$DEMO_RUN"
                """;
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("STACK", STACK.toString());
        env.put("DEMO_FUNCTION", function);
        env.put("DEMO_RUN", run);
        env.put("JSON_READER", jsonReader);
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            env.put(service.name() + "_PORT", Integer.toString(URI.create(url(service)).getPort()));
        }
        env.put("SF_PORT", Integer.toString(URI.create(RunningSystem.storefrontUrl()).getPort()));
        env.put("SF_DATA", RunningSystem.storefrontDataDir().toString());
        env.put("SMTP_PORT", Integer.toString(RunningSystem.mailServer().getSmtp().getPort()));
        env.put("IMAP_PORT", Integer.toString(RunningSystem.mailServer().getImap().getPort()));
        env.put("MAILBOX_ADDRESS", TestMailServer.DEFAULT_ADDRESS);
        Stream.of(Roles.STOREFRONT, Roles.MARKETING, Roles.CUSTOMER_SERVICE, Roles.PRIVACY_OFFICER,
                        Roles.DSR_SERVICE)
                .forEach(role -> env.put("TEST_TOKEN_" + role.replace('-', '_'),
                        TestTokens.bearer(role).substring("Bearer ".length())));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("the demo ended within three minutes", process.waitFor(3, TimeUnit.MINUTES), equalTo(true));
        assertThat(output, process.exitValue(), equalTo(0));
        return output;
    }
}
