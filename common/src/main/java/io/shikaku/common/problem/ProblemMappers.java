package io.shikaku.common.problem;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shikaku.common.json.FieldRuleViolation;
import io.shikaku.common.web.AllowedMethods;
import io.shikaku.common.web.MetricsUriLabel;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;
import io.shikaku.contract.Problem.FieldError;

/**
 * Turns every failure of a REST call into the contract's problem document: stable codes, no internals, no personal
 * data. A thin adapter: codes, titles and statuses come from {@link ErrorCode}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Problem.validation(errors));
    }

    /** Quarkus maps these subtypes itself; naming them here keeps every unreadable body a problem response. */
    @ServerExceptionMapper({MismatchedInputException.class, JsonParseException.class})
    public Response unreadableSubtype(JsonProcessingException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = e instanceof FieldRuleViolation rule
                ? rule.rule()
                : e instanceof UnrecognizedPropertyException
                        ? "is not a field of this request"
                        : e instanceof JsonMappingException && !field.isEmpty()
                                ? "has a value of the wrong type or format"
                                : "the body is not well-formed JSON";
        return respond(Problem.invalidField(field.isEmpty() ? "body" : field, message));
    }

    /** A body that is not well-formed UTF-8 ({@code RequestBodies}): the decoder's message would quote no input. */
    @ServerExceptionMapper
    public Response notUtf8(CharacterCodingException e) {
        return respond(Problem.invalidField("body", "is not well-formed UTF-8"));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return respond(Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer access token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ErrorCode.FORBIDDEN, "The token lacks the role or binding for this call"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        String detail = status >= 500
                ? "The request could not be completed"
                : e.getResponse().getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(respond(Problem.forStatus(status, detail)));
        if (status == 405) {
            answer.header(HttpHeaders.ALLOW, allowedMethods.forPath(uri.getPath()));
            MetricsUriLabel.setIfAbsent(allowedMethods.templateFor(uri.getPath()));
        } else if (status == 404) {
            MetricsUriLabel.setIfAbsent(MetricsUriLabel.UNROUTED);
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        LOG.debug("Unexpected failure detail", e);
        return respond(Problem.of(ErrorCode.INTERNAL_ERROR, "The request could not be completed"));
    }

    /** The problem as a response, with the headers its status calls for. */
    public static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.retryable()) {
            response.header(io.shikaku.contract.Headers.RETRY_AFTER, "5");
        }
        return response.build();
    }

    /** The field a violation is about, without the method and parameter names of the resource. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
