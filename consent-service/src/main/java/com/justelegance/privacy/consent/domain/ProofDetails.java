package com.justelegance.privacy.consent.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The details of a decision that identify a person: the network it came from, truncated (IPv4 to /24, IPv6 to
 * /48) before it is ever stored, and the browser's user agent. Held only encrypted with the subject's key.
 */
public record ProofDetails(String ipPrefix, String userAgent) {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9A-Fa-f:.]+$");
    private static final int IPV6_KEPT_BYTES = 6;

    /** Proof details from what the caller saw; the address is truncated here. Either part may be null. */
    public static ProofDetails of(String ipAddress, String userAgent) {
        return new ProofDetails(ipAddress == null ? null : truncate(ipAddress.strip()), userAgent);
    }

    /**
     * The network prefix of an address, e.g. {@code 203.0.113.0/24}.
     *
     * @throws IllegalArgumentException when it is not an IP address literal (never looked up in DNS)
     */
    public static String truncate(String address) {
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            StringBuilder prefix = new StringBuilder();
            for (int group = 1; group <= 3; group++) {
                int octet = Integer.parseInt(v4.group(group));
                if (octet > 255) {
                    throw new IllegalArgumentException("ipAddress is not an IP address");
                }
                prefix.append(octet).append('.');
            }
            if (Integer.parseInt(v4.group(4)) > 255) {
                throw new IllegalArgumentException("ipAddress is not an IP address");
            }
            return prefix.append("0/24").toString();
        }
        if (address.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(address).matches()) {
            throw new IllegalArgumentException("ipAddress is not an IP address");
        }
        try {
            // A literal with ':' is parsed, never resolved.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet4Address) {
                return truncate(parsed.getHostAddress());
            }
            byte[] bytes = parsed.getAddress();
            for (int i = IPV6_KEPT_BYTES; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return Inet6Address.getByAddress(bytes).getHostAddress() + "/48";
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("ipAddress is not an IP address");
        }
    }
}
