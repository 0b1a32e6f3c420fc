package com.justelegance.privacy.consent;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.BadInputFuzzTests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.util.stream.Stream;

/** Generated bad input at every operation of consent-service (see {@link BadInputFuzzTests}). */
@QuarkusTest
@TestProfile(BadInputFuzzTests.RunsLast.class)
class BadInputFuzzTest extends BadInputFuzzTests {

    BadInputFuzzTest() {
        super(Stream.concat(Roles.ALL.stream(), Roles.SERVICES.stream()).toList());
    }
}
