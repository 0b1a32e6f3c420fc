package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.CustomerContacted;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.codes.AccountClosureReason;
import com.justelegance.privacy.events.codes.ComplaintStatus;
import com.justelegance.privacy.events.codes.ContactChannel;
import com.justelegance.privacy.events.codes.ContactReason;
import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code emit}: sends one storefront event for one subject, as the storefront would, through the same publisher
 * and event contract as the simulated journeys. For trying a single flow by hand (an order, a contact, an account
 * opened or closed) without a whole simulated run.
 */
@Command(name = "emit", mixinStandardHelpOptions = true,
        description = "Sends one storefront event for a subject to Kafka.",
        footer = {"", "Examples:",
                "  emit order --subject cust-42",
                "  emit contact --subject cust-42 --reason COMPLAINT --complaint-status OPEN --complaint-id cmp-1",
                "  emit account-opened --subject cust-42",
                "  emit account-closed --subject cust-42 --closure-reason CUSTOMER_REQUEST"})
final class EmitCommand implements Callable<Integer> {

    private static final String PRODUCER = "storefront";

    /** The events the storefront sends, by the name the command line uses. */
    enum Kind {
        ORDER("order"), CONTACT("contact"), ACCOUNT_OPENED("account-opened"), ACCOUNT_CLOSED("account-closed");

        final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        @Override
        public String toString() {
            return cliName;
        }

        static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.cliName.equals(value)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not an event; use order, contact, account-opened or account-closed");
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<event>", converter = KindConverter.class,
            description = "order, contact, account-opened or account-closed")
    Kind kind;

    @Option(names = "--subject", required = true, description = "the subject's opaque id (the record key)")
    String subject;

    @Option(names = "--bootstrap", defaultValue = "localhost:9092", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--occurred-at", description = "when it happened (ISO-8601, e.g. 2019-03-01T10:00:00Z); "
            + "default now")
    Instant occurredAt;

    @Option(names = "--order-id", description = "order: the order id (default: a fresh one)")
    String orderId;

    @Option(names = "--sales-channel", defaultValue = "WEBSITE", description = "order: ${COMPLETION-CANDIDATES}")
    SalesChannel salesChannel;

    @Option(names = "--courier", description = "order: ${COMPLETION-CANDIDATES} (default ROYAL_MAIL, none for "
            + "CLICK_AND_COLLECT)")
    Courier courier;

    @Option(names = "--payment-provider", description = "order: ${COMPLETION-CANDIDATES} (default WORLDPAY, none "
            + "on AMAZON and EBAY)")
    PaymentProvider paymentProvider;

    @Option(names = "--channel", defaultValue = "EMAIL", description = "contact: ${COMPLETION-CANDIDATES}")
    ContactChannel contactChannel;

    @Option(names = "--reason", defaultValue = "ORDER_QUERY", description = "contact: ${COMPLETION-CANDIDATES}")
    ContactReason contactReason;

    @Option(names = "--complaint-status", defaultValue = "NONE", description = "contact: ${COMPLETION-CANDIDATES}")
    ComplaintStatus complaintStatus;

    @Option(names = "--complaint-id", description = "contact: the complaint's id, needed unless the status is NONE")
    String complaintId;

    @Option(names = "--account-id", description = "account-opened/-closed: the account id (default acc-<subject>)")
    String accountId;

    @Option(names = "--closure-reason", defaultValue = "CUSTOMER_REQUEST",
            description = "account-closed: ${COMPLETION-CANDIDATES}")
    AccountClosureReason closureReason;

    @Override
    public Integer call() {
        EventEnvelope<?> event = build();
        try (EventPublisher publisher = new EventPublisher(bootstrap)) {
            publisher.publish(event);
            if (publisher.flush() > 0) {
                spec.commandLine().getErr().printf("Kafka at %s did not accept the event%n", bootstrap);
                return 1;
            }
        }
        // Ids only: the event carries no personal data, and neither does this line.
        spec.commandLine().getOut().printf("Sent %s %s for subject %s to %s%n", event.eventType(), event.eventId(),
                event.subjectId(), event.topic());
        return 0;
    }

    /** The event the options describe; a value the contract refuses is a usage error, named by its field. */
    private EventEnvelope<?> build() {
        try {
            return EventEnvelope.create(subject, PRODUCER, occurredAt != null ? occurredAt : Instant.now(),
                    payload());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid " + kind + " event: "
                    + e.getMessage());
        }
    }

    private EventPayload payload() {
        String account = accountId != null ? accountId : "acc-" + subject;
        return switch (kind) {
            case ORDER -> {
                boolean marketplace = salesChannel == SalesChannel.AMAZON || salesChannel == SalesChannel.EBAY;
                boolean collected = salesChannel == SalesChannel.CLICK_AND_COLLECT;
                yield new OrderPlaced(orderId != null ? orderId : "ord-" + UUID.randomUUID(), salesChannel,
                        courier != null || collected ? courier : Courier.ROYAL_MAIL,
                        paymentProvider != null || marketplace ? paymentProvider : PaymentProvider.WORLDPAY);
            }
            case CONTACT -> new CustomerContacted("cc-" + UUID.randomUUID(), contactChannel, contactReason,
                    complaintStatus, complaintId);
            case ACCOUNT_OPENED -> new AccountOpened(account);
            case ACCOUNT_CLOSED -> new AccountClosed(account, closureReason);
        };
    }

    /** Reads the event name as written on the command line ({@code account-closed}, not the enum constant). */
    static final class KindConverter implements CommandLine.ITypeConverter<Kind> {

        @Override
        public Kind convert(String value) {
            return Kind.parse(value);
        }
    }
}
