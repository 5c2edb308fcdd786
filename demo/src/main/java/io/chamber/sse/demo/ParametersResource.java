package io.chamber.sse.demo;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.chamber.sse.runtime.ChamberSseConfig;
import io.chamber.sse.runtime.http.ParameterCatalog;
import io.chamber.sse.runtime.http.ParameterForm;

/** The viewer page's form, from the parameter catalog with the running app's configuration: the page builds it. */
@Path("/demo/parameters")
public class ParametersResource {

    private final List<ParameterForm.Field> form;

    public ParametersResource(ChamberSseConfig config) {
        this.form = ParameterForm.of(new ParameterCatalog(config));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ParameterForm.Field> form() {
        return form;
    }
}
