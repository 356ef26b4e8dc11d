package io.shikaku.common.problem;

import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;

/** Thrown by domain and resource code to answer with a problem response; the detail must hold no personal data. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ErrorCode code, String detail) {
        this(Problem.of(code, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ErrorCode.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ErrorCode.FORBIDDEN, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }

    public Problem problem() {
        return problem;
    }
}
