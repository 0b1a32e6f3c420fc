package com.justelegance.privacy.dsr;

import com.justelegance.privacy.dsr.access.DataSourceStandIns;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestMailServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Points every test in this module at the real test broker, the dsr_test database, and an in-process mail server
 * (SMTP for letters, IMAP for the privacy mailbox), and HTTP stand-ins for the data sources access packages are
 * gathered from ({@link DataSourceStandIns}).
 */
@QuarkusTestResource(value = TestInfrastructure.class,
        initArgs = @ResourceArg(name = TestInfrastructure.DATABASE, value = "dsr_test"))
@QuarkusTestResource(value = TestMailServer.class,
        initArgs = @ResourceArg(name = TestMailServer.MAILBOX_PREFIX, value = "dsr.mailbox"))
@QuarkusTestResource(DataSourceStandIns.class)
public class DsrTestInfrastructure {
}
