package com.justelegance.privacy.testing;

/**
 * One test database, where {@code ./stack test} made it and with the roles it gave it: host and port from
 * {@code PRIVACY_TEST_DB_HOST} and {@code PRIVACY_TEST_DB_PORT}, the name with {@code PRIVACY_TEST_DB_SUFFIX} added
 * (two checkouts testing side by side), the service role from {@code PRIVACY_DB_USER}/{@code PRIVACY_DB_PASSWORD} and
 * the schema owner from {@code PRIVACY_DB_OWNER_USER}/{@code PRIVACY_DB_OWNER_PASSWORD}. The one place the tests,
 * and the services they start as processes, learn these.
 */
public record TestDatabase(String host, String port, String name) {

    /** The test database of a service, by its base name ({@code consent_test}, say). */
    public static TestDatabase of(String baseName) {
        return new TestDatabase(env("PRIVACY_TEST_DB_HOST", "localhost"), env("PRIVACY_TEST_DB_PORT", "5432"),
                baseName + env("PRIVACY_TEST_DB_SUFFIX", ""));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The role the services run as. */
    public static String user() {
        return env("PRIVACY_DB_USER", "privacy");
    }

    public static String password() {
        return env("PRIVACY_DB_PASSWORD", "privacy");
    }

    /** The role that owns the schema and runs the migrations. */
    public static String ownerUser() {
        return env("PRIVACY_DB_OWNER_USER", "privacy_owner");
    }

    public static String ownerPassword() {
        return env("PRIVACY_DB_OWNER_PASSWORD", "privacy_owner");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
