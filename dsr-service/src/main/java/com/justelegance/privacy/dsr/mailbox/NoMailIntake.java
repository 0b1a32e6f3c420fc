package com.justelegance.privacy.dsr.mailbox;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Until the case lifecycle provides its {@link MailIntake}, messages are acknowledged to the mailbox and nothing
 * else: they move to the processed folder, where they stay to be read by hand. Any other {@code MailIntake} bean
 * replaces this one.
 */
@DefaultBean
@ApplicationScoped
public class NoMailIntake implements MailIntake {

    private static final Logger LOG = Logger.getLogger(NoMailIntake.class);

    @Override
    public void receive(IncomingMail mail) {
        LOG.infof("No case intake yet: a message to the privacy address was left in the processed folder (%s)",
                mail);
    }
}
