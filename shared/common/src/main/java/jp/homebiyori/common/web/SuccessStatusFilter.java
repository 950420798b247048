package jp.homebiyori.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Applies the spec's success status ({@code x-success-status}, e.g. 201) to a method's 200 answer. */
@Provider
public class SuccessStatusFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200) {
            RequestScope.current().operation()
                    .filter(op -> op.successStatus() != 200)
                    .ifPresent(op -> response.setStatus(op.successStatus()));
        }
    }
}
