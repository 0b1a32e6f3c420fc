package com.justelegance.privacy.console.backend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;

/** service-kit's audit-log API, which every service has under {@code /api/v1}: each service's client extends this. */
public interface AuditLogApi {

    /** The service's audit log, newest first (privacy officer and auditor). */
    @GET
    @Path("/audit-log")
    List<Map<String, Object>> auditLog(@QueryParam("limit") int limit);

    /** Whether the service's audit chain is intact, checked against its anchors. */
    @GET
    @Path("/audit-log/verification")
    Map<String, Object> auditVerification();
}
