package com.justelegance.privacy.simulator.customers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.justelegance.privacy.events.EventCodec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The storefront's customers, kept in one JSON file ({@code customers.json}) in a directory that every process
 * playing the storefront shares: a simulator run adds the customers whose journeys it played, the {@code serve}
 * process answers look-ups and data requests from it and erases from it.
 *
 * <p>Readers need no lock: every change writes a new file and moves it over the old one atomically, so a reader
 * sees the file before or after a change, never half of one. Writers take a lock (a file lock on
 * {@code customers.json.lock} between processes, and a lock per file within this one) and read, change and
 * replace the file under it, so a run adding customers and an erasure never undo each other.
 */
public final class CustomerDirectory {

    public static final String FILE_NAME = "customers.json";

    /** Within one JVM a file lock cannot be taken twice, so writers of the same file queue here first. */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = EventCodec.mapper().copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;
    private final Path file;

    /** The file's content: every customer, in the order they were added. */
    record Contents(List<Customer> customers) {
        Contents {
            customers = customers == null ? List.of() : customers;
        }
    }

    public CustomerDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Every customer, erased ones included; none when nothing was written yet. */
    public List<Customer> customers() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return MAPPER.readValue(file.toFile(), Contents.class).customers();
    }

    public Optional<Customer> find(String subjectId) throws IOException {
        return customers().stream().filter(customer -> customer.subjectId().equals(subjectId)).findFirst();
    }

    /** The subject ids of the customers holding this identifier, compared in its normal form. */
    public List<String> subjectIdsFor(IdentifierKind kind, String value) throws IOException {
        String normalised = kind.normalise(value);
        return customers().stream().filter(customer -> kind.matches(customer, normalised))
                .map(Customer::subjectId).toList();
    }

    /** Adds customers; one whose subject id is already here replaces the one held (a repeated run). */
    public void add(List<Customer> added) throws IOException {
        update(byId -> {
            added.forEach(customer -> byId.put(customer.subjectId(), customer));
            return null;
        });
    }

    /** Erases a subject for one request and keeps the answer with what is left; see {@link StorefrontErasure}. */
    public Customer.Answer erase(String subjectId, String requestId, Instant now) throws IOException {
        return update(byId -> {
            StorefrontErasure.Outcome outcome = StorefrontErasure.erase(byId.get(subjectId), requestId, now);
            if (outcome.customer() != null) {
                byId.put(subjectId, outcome.customer());
            }
            return outcome.answer();
        });
    }

    /** Removes the order records of erased customers whose six years have passed; returns how many went. */
    public int dropExpiredOrders(LocalDate today) throws IOException {
        return update(byId -> {
            int dropped = 0;
            for (Map.Entry<String, Customer> entry : byId.entrySet()) {
                Customer kept = StorefrontErasure.withoutExpiredOrders(entry.getValue(), today);
                dropped += entry.getValue().orders().size() - kept.orders().size();
                entry.setValue(kept);
            }
            return dropped;
        });
    }

    /**
     * Reads, changes and atomically replaces the file, holding the writers' lock throughout. When the change left
     * every customer as it was (an erasure of a subject the storefront never knew, say), the file is not rewritten:
     * writing and syncing the whole directory per request is what made a large purge wait on the storefront.
     */
    private <T> T update(Function<Map<String, Customer>, T> change) throws IOException {
        Files.createDirectories(directory);
        ReentrantLock local = LOCKS.computeIfAbsent(file, path -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel = FileChannel.open(directory.resolve(FILE_NAME + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            Map<String, Customer> byId = new LinkedHashMap<>();
            List<Customer> before = customers();
            before.forEach(customer -> byId.put(customer.subjectId(), customer));
            T result = change.apply(byId);
            List<Customer> after = new ArrayList<>(byId.values());
            if (!after.equals(before) || !Files.exists(file)) {
                write(new Contents(after));
            }
            return result;
        } finally {
            local.unlock();
        }
    }

    private void write(Contents contents) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(contents);
        Path temporary = directory.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before it replaces the old file
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
