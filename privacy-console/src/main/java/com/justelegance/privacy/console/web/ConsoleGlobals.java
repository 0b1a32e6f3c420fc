package com.justelegance.privacy.console.web;

import com.justelegance.privacy.events.codes.SubjectRequestType;
import io.quarkus.qute.TemplateGlobal;

import java.util.Arrays;
import java.util.List;

/** Values every template may use. */
@TemplateGlobal
public class ConsoleGlobals {

    /** The rights a request can exercise (the event contract's request types). */
    static List<String> requestTypes = Arrays.stream(SubjectRequestType.values()).map(Enum::name).toList();
}
