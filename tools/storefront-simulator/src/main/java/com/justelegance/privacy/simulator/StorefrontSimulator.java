package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.AccountClosed;
import com.justelegance.privacy.events.AccountOpened;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The storefront simulator's command line: plans the journeys of a number of customers and performs them against
 * a running system, then prints what it sent and a few subject ids to look at. With {@code --data-dir} it also adds
 * those customers to the storefront's customer directory there, which {@code serve} answers from. Its
 * {@code emit} subcommand sends a single event instead; {@code serve} plays the storefront's data-source API and
 * erasure participant.
 */
@Command(name = "storefront-simulator", mixinStandardHelpOptions = true,
        subcommands = {EmitCommand.class, ServeCommand.class},
        description = "Sends realistic storefront traffic: events to Kafka and consent choices to consent-service.")
public final class StorefrontSimulator implements Callable<Integer> {

    private static final Duration SIX_YEARS = Duration.ofDays(6 * 365 + 2);

    @Option(names = "--bootstrap", defaultValue = "localhost:9092", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--consent-url", description = "consent-service base URL; without it no consent choices are sent")
    URI consentUrl;

    @Option(names = "--token", description = "storefront bearer token for consent-service")
    String token;

    @Option(names = "--customers", defaultValue = "100", description = "how many customers")
    int customers;

    @Option(names = "--history-days", defaultValue = "3650",
            description = "how far back journeys may start (the default reaches past six years)")
    int historyDays;

    @Option(names = "--seed", description = "random seed, for a repeatable run")
    Long seed;

    @Option(names = "--run-id", description = "goes into every subject id; defaults to a fresh one per run")
    String runId;

    @Option(names = "--data-dir", defaultValue = "${env:STOREFRONT_DATA_DIR}",
            description = "the storefront's customer directory (customers.json) to add the customers to; "
                    + "default $STOREFRONT_DATA_DIR, none when unset")
    Path dataDir;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@code main} runs it. Codes may be given in any case; a repeated option takes its last
     * value, so {@code ./stack emit} can pass its broker first and still let the user name another.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new StorefrontSimulator())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        if (consentUrl != null && token == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--consent-url needs --token");
        }
        Instant now = Instant.now();
        String run = runId != null ? runId : Long.toString(now.getEpochSecond() % 1_000_000, 36);
        CustomerJourneys journeys = new CustomerJourneys(seed != null ? seed : now.toEpochMilli(), now, historyDays,
                run);
        ConsentApiClient consentApi = consentUrl == null ? null : new ConsentApiClient(consentUrl, token);

        Map<String, Integer> sent = new TreeMap<>();
        List<Customer> customersPlayed = new ArrayList<>();
        List<String> dueForErasure = new ArrayList<>();
        int dormantWithOpenAccount = 0;
        int consentFailures = 0;
        try (EventPublisher publisher = new EventPublisher(bootstrap)) {
            for (int n = 0; n < customers; n++) {
                Instant lastActivity = Instant.MIN;
                boolean accountOpen = false;
                List<StorefrontAction> journey = journeys.journeyOf(n);
                customersPlayed.add(journeys.customerOf(n, journey));
                for (StorefrontAction action : journey) {
                    switch (action) {
                        case StorefrontAction.Publish publish -> {
                            EventEnvelope<?> event = publish.event();
                            publisher.publish(event);
                            sent.merge(event.eventType(), 1, Integer::sum);
                            lastActivity = event.occurredAt().isAfter(lastActivity) ? event.occurredAt() : lastActivity;
                            accountOpen = switch (event.payload()) {
                                case AccountOpened opened -> true;
                                case AccountClosed closed -> false;
                                default -> accountOpen;
                            };
                        }
                        case StorefrontAction.DecideConsent decision -> {
                            if (consentApi != null) {
                                int status = consentApi.decide(decision);
                                if (status == 201) {
                                    sent.merge("consent decision", 1, Integer::sum);
                                } else {
                                    consentFailures++;
                                }
                                lastActivity = now;
                            }
                        }
                    }
                }
                // The policy keeps data six years after the last contact, and for as long as the account exists.
                if (lastActivity.isBefore(now.minus(SIX_YEARS))) {
                    if (accountOpen) {
                        dormantWithOpenAccount++;
                    } else {
                        dueForErasure.add(journeys.subjectId(n));
                    }
                }
            }
            long eventFailures = publisher.flush();
            report(run, sent, dueForErasure, dormantWithOpenAccount, eventFailures, consentFailures);
            if (dataDir != null) {
                // The storefront holds its customers whether or not the broker took every event.
                CustomerDirectory directory = new CustomerDirectory(dataDir);
                directory.add(customersPlayed);
                System.out.printf("  customer directory: %d customers added to %s (./stack up serves it)%n",
                        customersPlayed.size(), directory.file());
            }
            return eventFailures == 0 && consentFailures == 0 ? 0 : 1;
        }
    }

    private void report(String run, Map<String, Integer> sent, List<String> dueForErasure,
                        int dormantWithOpenAccount, long eventFailures, int consentFailures) {
        System.out.printf("Run %s: %d customers (subject ids cust-%s-0 .. cust-%s-%d)%n", run, customers, run, run,
                customers - 1);
        sent.forEach((what, count) -> System.out.printf("  %-20s %6d%n", what, count));
        System.out.printf("  %d customers are due for erasure under the policy (last contact over six years ago, "
                        + "no open account)%s%n", dueForErasure.size(), dueForErasure.isEmpty() ? ""
                        : ", e.g. " + String.join(", ", dueForErasure.subList(0, Math.min(3, dueForErasure.size()))));
        System.out.printf("  %d more were last seen over six years ago but keep an open account%n",
                dormantWithOpenAccount);
        if (eventFailures > 0 || consentFailures > 0) {
            System.out.printf("  FAILED: %d events not delivered, %d consent calls refused%n", eventFailures,
                    consentFailures);
        }
    }
}
