package com.justelegance.privacy.dsr;

import com.justelegance.privacy.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Points every test in this module at the real test broker and the dsr_test database. */
@QuarkusTestResource(value = TestInfrastructure.class,
        initArgs = @ResourceArg(name = TestInfrastructure.DATABASE, value = "dsr_test"))
public class DsrTestInfrastructure {
}
