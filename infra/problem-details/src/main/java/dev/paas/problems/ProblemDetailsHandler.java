package dev.paas.problems;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The servlet services' one exception handler: every error of the MVC layer and every {@link ProblemException} of
 * feature code becomes an RFC 9457 problem from {@link Problems}. A 400 names the fields at fault in an
 * {@code errors} list of {@code {field, message}}, with the JSON names the client sent.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException exception) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(Problems.status(exception));
        if (exception instanceof TooManyRequests throttled) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        return response.body(Problems.of(exception));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BindingResult result = exception.getBindingResult();
        Class<?> target = result.getTarget() == null ? null : result.getTarget().getClass();
        List<Map<String, String>> errors = result.getFieldErrors().stream()
                .map(error -> Problems.fieldError(target == null ? error.getField()
                        : JsonFieldNames.of(target, error.getField()), message(error)))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field"))
                        .thenComparing(error -> error.get("message")))
                .toList();
        Stream<String> objectErrors = result.getGlobalErrors().stream().map(ProblemDetailsHandler::message);
        return invalid(errors, objectErrors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Problems.fieldError(parameterName(result.getMethodParameter().getParameterName(),
                                error), message(error))))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        return invalid(errors, Stream.empty(), headers, request);
    }

    /** One rule for path and query parameters of the wrong type: "id must be a UUID, got 'x'". */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : exception.getPropertyName();
        String detail = name + " must be " + expected(exception.getRequiredType()) + ", got '" + exception.getValue()
                + "'";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", List.of(Problems.fieldError(name, detail)));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Not JSON at all, or a JSON value of the wrong type for a field (then named like a validation error). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = exception.getMostSpecificCause() instanceof MismatchedInputException mismatch
                ? mismatch.getPath().stream().map(JacksonException.Reference::getPropertyName)
                        .filter(Objects::nonNull).collect(Collectors.joining("."))
                : "";
        if (field.isEmpty()) {
            return handleExceptionInternal(exception, Problems.problem(HttpStatus.BAD_REQUEST,
                    "the request body is not valid JSON for this endpoint"), headers, HttpStatus.BAD_REQUEST, request);
        }
        String detail = field + " has a value of the wrong type";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", List.of(Problems.fieldError(field, "has a value of the wrong type")));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The gateway's 413 text, when the servlet container knows the limit. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception.getMaxUploadSize() <= 0) {
            return super.handleMaxUploadSizeExceededException(exception, headers, status, request);
        }
        return handleExceptionInternal(exception, Problems.tooLarge(exception.getMaxUploadSize()), headers, status,
                request);
    }

    private ResponseEntity<Object> invalid(List<Map<String, String>> errors, Stream<String> objectErrors,
            HttpHeaders headers, WebRequest request) {
        String detail = Stream.concat(errors.stream().map(error -> error.get("field") + " " + error.get("message")),
                        objectErrors)
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "the request is not valid" : detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError field ? parameter + "." + field.getField()
                : Objects.requireNonNullElse(parameter, "parameter");
    }

    private static String message(MessageSourceResolvable error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), "is not valid");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Stream.of(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
