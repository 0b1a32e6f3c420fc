package com.justelegance.privacy.dsr.mailbox;

import com.justelegance.privacy.dsr.config.DsrConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

/**
 * The privacy mailbox people write to with their requests, read over IMAP (Jakarta Mail, Angus). Each poll hands
 * every message in the inbox that is addressed to the privacy address ({@code dsr.mailbox.address}) to the
 * {@link MailIntake}, and only once {@code receive} has returned moves it to the processed folder
 * ({@code dsr.mailbox.processed-folder}, created if missing). So:
 *
 * <ul>
 *     <li>the inbox holds exactly what is not yet taken in, whoever else reads the mailbox (a person opening a
 *     message in a mail program marks it read, which would hide it from an "unread only" rule);</li>
 *     <li>a message the intake fails on stays in the inbox, unread, and comes again at the next poll;</li>
 *     <li>after a crash between {@code receive} and the move, the message comes again (the intake recognises its
 *     Message-ID);</li>
 *     <li>a message not addressed to the privacy address (a shared mailbox's other aliases) is left alone.</li>
 * </ul>
 *
 * <p>Polled every {@code dsr.mailbox.poll-every} when {@code dsr.mailbox.enabled}; {@link #poll()} can also be
 * called directly. Logs carry counts and exception types only, never an address, a subject or a body.
 */
@ApplicationScoped
public class PrivacyMailbox {

    private static final Logger LOG = Logger.getLogger(PrivacyMailbox.class);

    private final DsrConfig.Mailbox config;
    private final MailIntake intake;
    private final Clock clock;

    public PrivacyMailbox(DsrConfig config, MailIntake intake, Clock clock) {
        this.config = config.mailbox();
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(identity = "privacy-mailbox", every = "${dsr.mailbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPoll() {
        try {
            poll();
        } catch (MailboxUnavailableException e) {
            LOG.warn(e.getMessage());
        }
    }

    /**
     * Polls once: hands over every new message addressed to the privacy address. Does nothing when the mailbox is
     * disabled. One poll at a time: a call while another runs waits for it.
     *
     * @throws MailboxUnavailableException when the server cannot be reached, refuses the login, or has no inbox
     */
    public synchronized PollOutcome poll() {
        if (!config.enabled()) {
            return PollOutcome.NOTHING;
        }
        Session session = Session.getInstance(sessionProperties());
        try (Store store = session.getStore(protocol())) {
            store.connect(config.host(), config.port(), config.username().orElse(null),
                    config.password().orElse(null));
            Folder inbox = store.getFolder(config.folder());
            inbox.open(Folder.READ_WRITE);
            try {
                PollOutcome outcome = takeIn(inbox, processedFolder(store));
                if (outcome.taken() + outcome.failed() > 0) {
                    LOG.infof("Privacy mailbox: %d taken in, %d failed (left for the next poll), %d not addressed to "
                            + "the privacy address", outcome.taken(), outcome.failed(), outcome.leftAlone());
                }
                return outcome;
            } finally {
                // true: expunge what was copied and flagged deleted (servers without MOVE).
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(e);
        }
    }

    private PollOutcome takeIn(Folder inbox, Folder processed) throws MessagingException {
        Message[] messages = inbox.getMessages();
        FetchProfile headers = new FetchProfile();
        headers.add(FetchProfile.Item.ENVELOPE);
        headers.add(FetchProfile.Item.FLAGS);
        headers.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(messages, headers);
        int taken = 0;
        int failed = 0;
        int leftAlone = 0;
        for (Message message : messages) {
            if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                continue; // copied to the processed folder by an earlier poll that did not get to expunge
            }
            try {
                if (!IncomingMails.isAddressedTo(message, config.address())) {
                    leftAlone++;
                    continue;
                }
                intake.receive(IncomingMails.read((MimeMessage) message, clock.instant()));
            } catch (RuntimeException | MessagingException | IOException e) {
                // One unreadable message or failed intake must not hold up the others. The exception's message may
                // quote the mail; its type is enough to start looking.
                LOG.warnf("A message in the privacy mailbox was not taken in (%s); it stays for the next poll",
                        e.getClass().getName());
                failed++;
                continue;
            }
            // Outside the try: a failed move is the server failing, not this message; the poll stops there and
            // the message comes again (the intake knows its Message-ID).
            moveToProcessed(inbox, message, processed);
            taken++;
        }
        return new PollOutcome(taken, failed, leftAlone);
    }

    /** IMAP MOVE where the server has it; else copy, and flag the original deleted for the close to expunge. */
    private static void moveToProcessed(Folder inbox, Message message, Folder processed) throws MessagingException {
        Message[] one = {message};
        IMAPStore store = (IMAPStore) inbox.getStore();
        if (store.hasCapability("MOVE")) {
            ((IMAPFolder) inbox).moveMessages(one, processed);
        } else {
            inbox.copyMessages(one, processed);
            message.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private Folder processedFolder(Store store) throws MessagingException {
        Folder processed = store.getFolder(config.processedFolder());
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("The processed folder could not be created");
        }
        return processed;
    }

    private String protocol() {
        return config.ssl() ? "imaps" : "imap";
    }

    private Properties sessionProperties() {
        String protocol = protocol();
        String timeout = String.valueOf(config.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        // Reading a message must not mark it read: one the intake fails on stays unread for people, too.
        properties.put("mail." + protocol + ".peek", "true");
        // A sender's malformed address header must not stop the message from being read.
        properties.put("mail.mime.address.strict", "false");
        return properties;
    }
}
