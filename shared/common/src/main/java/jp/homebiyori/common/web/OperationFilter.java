package jp.homebiyori.common.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Records which spec operation the request matched, for the filters after it and the log line. */
@Provider
@Priority(100)
public class OperationFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiOperation.of(resourceInfo).ifPresent(RequestScope.current()::operation);
    }
}
