package com.justelegance.privacy.simulator.customers;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The identifiers a requester may give to be found among the storefront's customers, and how the storefront
 * compares them with the ones it holds: an e-mail address without whitespace and in lower case; a phone number
 * as its digits, a UK {@code +44} or {@code 0044} prefix read as the leading {@code 0}; a customer number without
 * whitespace and in upper case.
 */
public enum IdentifierKind {

    EMAIL("email", IdentifierKind::normaliseEmail, Customer::email),
    PHONE("phone", IdentifierKind::normalisePhone, Customer::phone),
    CUSTOMER_NUMBER("customerNumber", IdentifierKind::normaliseCustomerNumber, Customer::customerNumber);

    private final String parameter;
    private final UnaryOperator<String> normalise;
    private final Function<Customer, String> held;

    IdentifierKind(String parameter, UnaryOperator<String> normalise, Function<Customer, String> held) {
        this.parameter = parameter;
        this.normalise = normalise;
        this.held = held;
    }

    /** The query parameter that carries it: {@code email}, {@code phone}, {@code customerNumber}. */
    public String parameter() {
        return parameter;
    }

    /** The form identifiers of this kind are compared in. */
    public String normalise(String value) {
        return value == null ? null : normalise.apply(value);
    }

    /** Whether the customer holds this identifier (given already normalised). */
    public boolean matches(Customer customer, String normalised) {
        String value = held.apply(customer);
        return value != null && !normalised.isEmpty() && normalise(value).equals(normalised);
    }

    private static String normaliseEmail(String value) {
        return withoutWhitespace(value).toLowerCase(Locale.ROOT);
    }

    private static String normalisePhone(String value) {
        String digits = value.chars().filter(c -> c >= '0' && c <= '9')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (digits.startsWith("0044")) {
            return "0" + digits.substring(4);
        }
        if (digits.startsWith("44") && digits.length() == 12) {
            return "0" + digits.substring(2);
        }
        return digits;
    }

    private static String normaliseCustomerNumber(String value) {
        return withoutWhitespace(value).toUpperCase(Locale.ROOT);
    }

    private static String withoutWhitespace(String value) {
        return value.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
