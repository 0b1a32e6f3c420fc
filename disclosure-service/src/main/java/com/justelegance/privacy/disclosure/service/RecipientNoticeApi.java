package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.service.RecipientApiClient.NoticeMessage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.Closeable;

/**
 * A recipient's notice API as a Quarkus REST Client. {@link RecipientApiClient} builds one per registered notice
 * address and is what the rest of the service uses (this interface is package-private for that reason).
 *
 * <p>No {@code @Path}: a recipient registers the complete URL its API takes notices at, and that URL is the
 * client's base URI, so the post goes to exactly that address. The answer comes back as a {@link Response} (the
 * builder turns off the default exception mapper) because the status alone decides what happens to the notice.
 */
interface RecipientNoticeApi extends Closeable {

    /** Posts the notice as JSON; the notice id is the idempotency key, so a repeated post is harmless. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam("Idempotency-Key") String idempotencyKey, NoticeMessage notice);
}
