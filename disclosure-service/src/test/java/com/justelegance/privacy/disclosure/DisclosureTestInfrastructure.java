package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Points every test in this module at the real test broker and the disclosure_test database. */
@QuarkusTestResource(value = TestInfrastructure.class,
        initArgs = @ResourceArg(name = TestInfrastructure.DATABASE, value = "disclosure_test"))
public class DisclosureTestInfrastructure {
}
