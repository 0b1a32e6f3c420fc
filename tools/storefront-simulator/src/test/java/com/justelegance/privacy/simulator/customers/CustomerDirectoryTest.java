package com.justelegance.privacy.simulator.customers;

import com.justelegance.privacy.events.codes.SalesChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;

/**
 * The directory file as two writers share it: customers added and erased at the same time are neither lost nor
 * brought back, no half-written file is left, and a kept order record goes once its six years are over.
 */
class CustomerDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void customersAddedWhileOthersAreErasedAreAllKeptAndTheErasuresStick() throws Exception {
        CustomerDirectory directory = new CustomerDirectory(folder);
        directory.add(IntStream.range(0, 20).mapToObj(n -> customer("cust-a-" + n, List.of())).toList());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            int number = n;
            // A second instance, as another process would have.
            done.add(writers.submit(() -> {
                new CustomerDirectory(folder).add(List.of(customer("cust-b-" + number, List.of())));
                return null;
            }));
            done.add(writers.submit(() -> directory.erase("cust-a-" + number, "req-" + number, Instant.now())));
        }
        for (Future<?> each : done) {
            each.get();
        }
        writers.shutdown();

        List<Customer> customers = directory.customers();
        assertThat(customers.size(), equalTo(40));
        assertThat(customers.stream().filter(c -> c.subjectId().startsWith("cust-a-")).allMatch(Customer::erased),
                equalTo(true));
        assertThat(customers.stream().filter(c -> c.subjectId().startsWith("cust-b-")).noneMatch(Customer::erased),
                equalTo(true));
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp"))
                    .toList(), empty());
        }
    }

    @Test
    void aKeptOrderRecordGoesOnceItsSixYearsAreOver() throws IOException {
        CustomerDirectory directory = new CustomerDirectory(folder);
        Instant placed = Instant.parse("2020-03-01T10:00:00Z");
        directory.add(List.of(customer("cust-kept", List.of(new Customer.Order("ord-1", placed, SalesChannel.WEBSITE,
                List.of(), BigDecimal.ZERO, BigDecimal.TEN, "GBP", "A Person", null, null, false)))));
        directory.erase("cust-kept", "req-kept", placed.plus(400, ChronoUnit.DAYS));

        assertThat(directory.dropExpiredOrders(LocalDate.parse("2026-02-28")), equalTo(0));
        assertThat(directory.find("cust-kept").orElseThrow().orders().size(), equalTo(1));
        assertThat(directory.dropExpiredOrders(LocalDate.parse("2026-03-01")), equalTo(1));
        assertThat(directory.find("cust-kept").orElseThrow().orders(), empty());
    }

    private static Customer customer(String subjectId, List<Customer.Order> orders) {
        return new Customer(subjectId, "JE-" + subjectId, new Customer.Name(null, "A", "Person"),
                subjectId + "@example.com", null, List.of(), null, orders, List.of(), null);
    }
}
