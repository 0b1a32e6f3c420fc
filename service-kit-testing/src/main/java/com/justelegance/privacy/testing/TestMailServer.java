package com.justelegance.privacy.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * A real mail server for a service's {@code @QuarkusTest}s: GreenMail in the test's JVM, with SMTP and IMAP on free
 * ports and one mailbox (the service's own address). Quarkus' mailer sends to its SMTP for real (not the mock it
 * uses in test mode), and the service's mailbox settings, under the prefix given as init arg, point at its IMAP:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = TestMailServer.class,
 *         initArgs = &#64;ResourceArg(name = TestMailServer.MAILBOX_PREFIX, value = "dsr.mailbox"))
 * </pre>
 *
 * <p>sets {@code <prefix>.enabled}, {@code .host}, {@code .port}, {@code .ssl}, {@code .username},
 * {@code .password} and {@code .address}. GreenMail takes mail for any address: each recipient gets a mailbox
 * (login and password: the address), so a test reads what a letter's recipient would. A test gets the server in a
 * field marked {@link InjectMailServer}; the server lives as long as the Quarkus application, so tests empty it
 * first ({@code purgeEmailFromAllMailboxes()}).
 */
public class TestMailServer implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the prefix of the service's mailbox settings ({@code dsr.mailbox}); none, no mailbox settings. */
    public static final String MAILBOX_PREFIX = "mailbox-prefix";
    /** Init arg: the mailbox's address; {@link #DEFAULT_ADDRESS} if not given. */
    public static final String MAILBOX_ADDRESS = "mailbox-address";
    /** The service's mailbox unless a test names another. */
    public static final String DEFAULT_ADDRESS = "privacy@justelegance.example";
    /** The mailbox's IMAP login and password (test-only). */
    public static final String LOGIN = "privacy";
    public static final String PASSWORD = "privacy-test-password";

    private String prefix;
    private String address;
    private GreenMail greenMail;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.get(MAILBOX_PREFIX);
        address = initArgs.getOrDefault(MAILBOX_ADDRESS, DEFAULT_ADDRESS);
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[]{ServerSetupTest.SMTP.dynamicPort(),
                ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        greenMail.setUser(address, LOGIN, PASSWORD);
        String host = greenMail.getSmtp().getServerSetup().getBindAddress();
        Map<String, String> config = new HashMap<>();
        // Quarkus mocks the mailer in test mode; these tests send for real, over plain SMTP, no login.
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", host);
        config.put("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()));
        config.put("quarkus.mailer.tls", "false");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.login", "DISABLED");
        if (prefix != null) {
            config.put(prefix + ".enabled", "true");
            config.put(prefix + ".host", greenMail.getImap().getServerSetup().getBindAddress());
            config.put(prefix + ".port", String.valueOf(greenMail.getImap().getPort()));
            config.put(prefix + ".ssl", "false");
            config.put(prefix + ".username", LOGIN);
            config.put(prefix + ".password", PASSWORD);
            config.put(prefix + ".address", address);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
