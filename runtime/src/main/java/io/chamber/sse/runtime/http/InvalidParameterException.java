package io.chamber.sse.runtime.http;

/**
 * A request parameter that cannot be used; answered with 400 and a problem body naming it.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String accepted;

    /**
     * @param parameter the parameter's name, as the client sent it
     * @param problem what is wrong with the value
     * @param accepted the form of a value that would have been accepted
     */
    public InvalidParameterException(String parameter, String problem, String accepted) {
        super("Parameter '" + parameter + "' " + problem + "; accepted: " + accepted, null, false, false);
        this.parameter = parameter;
        this.accepted = accepted;
    }

    InvalidParameterException(StreamParameter parameter, String problem, String accepted) {
        this(parameter.wireName(), problem, accepted);
    }

    public String parameter() {
        return parameter;
    }

    public String accepted() {
        return accepted;
    }
}
