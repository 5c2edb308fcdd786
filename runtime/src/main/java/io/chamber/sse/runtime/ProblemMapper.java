package io.chamber.sse.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a refused stream request with an RFC 9457 problem body ({@code application/problem+json}).
 */
public class ProblemMapper {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) throws JsonProcessingException {
        Map<String, Object> problem = problem("urn:chamber-sse:invalid-parameter", "Invalid request parameter", 400,
                e.getMessage());
        problem.put("parameter", e.parameter());
        problem.put("accepted", e.accepted());
        return Response.status(400).type(PROBLEM_JSON).header("Access-Control-Allow-Origin", "*")
                .entity(json.writeValueAsString(problem)).build();
    }

    @ServerExceptionMapper
    public Response streamLimit(StreamLimitException e) throws JsonProcessingException {
        long retryAfterSeconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.status(503).type(PROBLEM_JSON).header("Access-Control-Allow-Origin", "*")
                .header("Retry-After", retryAfterSeconds)
                .entity(json.writeValueAsString(problem("urn:chamber-sse:too-many-streams", "Too many open streams",
                        503, e.getMessage())))
                .build();
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
