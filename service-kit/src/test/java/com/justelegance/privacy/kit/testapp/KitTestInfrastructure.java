package com.justelegance.privacy.kit.testapp;

import com.justelegance.privacy.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Points the kit's @QuarkusTests at the real test broker and a test database. The kit has no database of its own
 * in ./stack, so it reuses dsr_test: Flyway cleans it at start, and modules' tests run one after another.
 */
@QuarkusTestResource(value = TestInfrastructure.class,
        initArgs = @ResourceArg(name = TestInfrastructure.DATABASE, value = "dsr_test"))
public class KitTestInfrastructure {
}
