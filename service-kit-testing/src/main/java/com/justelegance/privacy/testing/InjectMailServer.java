package com.justelegance.privacy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code com.icegreen.greenmail.util.GreenMail} field of a {@code @QuarkusTest} for {@link TestMailServer}
 * to fill with the running mail server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectMailServer {
}
