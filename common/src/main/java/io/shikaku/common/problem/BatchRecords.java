package io.shikaku.common.problem;

import java.util.List;

import io.shikaku.contract.ErrorCode;

/**
 * The size rule every batch endpoint shares (API.md: a batch of 1 to a limit of records): none is {@code 400
 * VALIDATION_FAILED} naming {@code records}, more than the limit {@code 413 PAYLOAD_TOO_LARGE}.
 */
public final class BatchRecords {

    private BatchRecords() {
    }

    /** The records as given when there are 1 to {@code max} of them; otherwise the problem to answer. */
    public static <T> List<T> require(List<T> records, int max) {
        if (records == null || records.isEmpty()) {
            throw ProblemException.invalidField("records", "must hold at least one record");
        }
        if (records.size() > max) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "A batch holds at most " + max + " records; split it into several batches");
        }
        return records;
    }
}
