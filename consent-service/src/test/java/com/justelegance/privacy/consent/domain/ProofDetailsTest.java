package com.justelegance.privacy.consent.domain;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An address is cut to its network before it is stored; anything else is refused, never looked up. */
class ProofDetailsTest {

    @Test
    void ipv4KeepsOnlyTheSlash24() {
        assertThat(ProofDetails.truncate("203.0.113.77"), equalTo("203.0.113.0/24"));
    }

    @Test
    void ipv6KeepsOnlyTheSlash48() {
        assertThat(ProofDetails.truncate("2001:db8:85a3:8d3:1319:8a2e:370:7348"), equalTo("2001:db8:85a3:0:0:0:0:0/48"));
    }

    @Test
    void anIpv4MappedAddressIsTruncatedAsIpv4() {
        assertThat(ProofDetails.truncate("::ffff:198.51.100.9"), equalTo("198.51.100.0/24"));
    }

    @Test
    void hostNamesAndNonsenseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProofDetails.truncate("www.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ProofDetails.truncate("300.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> ProofDetails.truncate("1:2:3:4:5:6:7:8:9:10"));
    }
}
