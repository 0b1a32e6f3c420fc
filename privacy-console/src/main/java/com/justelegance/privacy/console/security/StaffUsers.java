package com.justelegance.privacy.console.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in sign-in's users: a properties file, one line per user, {@code name=role:bcrypt-hash}. Only hashes
 * are kept (Elytron's bcrypt, cost 10); a password is never logged or stored in clear, except once: when the file
 * does not exist and {@code console.sign-in.create-users} is on (as {@code ./stack up} runs the console), one user
 * per role is created with a random password, and the passwords are written beside the file in
 * {@code <file>.initial} (readable only by its owner) for {@code ./stack up} to print.
 *
 * <p>Why a file and not a database: the console keeps no data of its own, and in production staff sign in with the
 * retailer's identity provider instead; this is the sign-in that works with nothing else installed.
 */
@ApplicationScoped
public class StaffUsers {

    private static final Logger LOG = Logger.getLogger(StaffUsers.class);
    /** The users created for a new stack, one per role. */
    static final Map<String, String> FIRST_USERS = Map.of(
            "officer", StaffRole.PRIVACY_OFFICER,
            "agent", StaffRole.CUSTOMER_SERVICE,
            "auditor", StaffRole.AUDITOR);

    /** A user as the file holds them. */
    public record StaffUser(String name, String role, String passwordHash) {
    }

    private final Path file;
    private final boolean createUsers;
    private final Map<String, StaffUser> users = new ConcurrentHashMap<>();

    public StaffUsers(@ConfigProperty(name = "console.sign-in.users-file") String file,
                      @ConfigProperty(name = "console.sign-in.create-users") boolean createUsers) {
        this.file = Path.of(file);
        this.createUsers = createUsers;
    }

    void onStart(@Observes StartupEvent start) {
        if (!Files.exists(file) && createUsers) {
            createFirstUsers();
        }
        reload();
    }

    /** The user of that name, if they exist. */
    public Optional<StaffUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Reads the file again (after an administrator changed it, or a test wrote it). */
    public void reload() {
        Map<String, StaffUser> read = new ConcurrentHashMap<>();
        if (Files.exists(file)) {
            Properties lines = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                lines.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the console's users file " + file, e);
            }
            for (String name : lines.stringPropertyNames()) {
                String[] roleAndHash = lines.getProperty(name).split(":", 2);
                if (roleAndHash.length == 2 && StaffRole.ALL.contains(roleAndHash[0])) {
                    read.put(name, new StaffUser(name, roleAndHash[0], roleAndHash[1]));
                } else {
                    LOG.warnf("Console users file %s: the line of user %s is not role:bcrypt-hash with a known role "
                            + "(%s); the user cannot sign in", file, name, StaffRole.ALL);
                }
            }
        } else {
            LOG.warnf("No console users file at %s: nobody can sign in with the built-in sign-in", file);
        }
        users.clear();
        users.putAll(read);
    }

    /** Writes a user, replacing one of the same name: the hash of the password, never the password. */
    public synchronized void save(String name, String role, String password) {
        Properties lines = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    lines.load(in);
                }
            }
            lines.setProperty(name, role + ":" + BcryptUtil.bcryptHash(password));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer out = Files.newBufferedWriter(file)) {
                lines.store(out, "privacy-console users: name=role:bcrypt-hash");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console's users file " + file, e);
        }
        reload();
    }

    private void createFirstUsers() {
        SecureRandom random = new SecureRandom();
        StringBuilder initial = new StringBuilder();
        FIRST_USERS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(user -> {
            byte[] secret = new byte[9];
            random.nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            save(user.getKey(), user.getValue(), password);
            initial.append(user.getKey()).append(' ').append(user.getValue()).append(' ').append(password).append('\n');
        });
        Path passwords = Path.of(file + ".initial");
        try {
            Files.writeString(passwords, initial);
            Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + passwords, e);
        }
        LOG.infof("Created the console's first users (%s) in %s; their passwords are in %s", FIRST_USERS.keySet(),
                file, passwords);
    }
}
