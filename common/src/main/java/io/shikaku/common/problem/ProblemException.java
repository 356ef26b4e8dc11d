package io.shikaku.common.problem;

import java.util.List;

/** Thrown by domain and resource code to answer with a problem response; the message must hold no personal data. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(Problem.of(status, code, title, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "NOT_FOUND", "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
