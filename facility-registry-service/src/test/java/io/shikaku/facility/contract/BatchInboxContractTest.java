package io.shikaku.facility.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.BatchInboxContract;

@QuarkusTest
class BatchInboxContractTest extends BatchInboxContract {

    /** A topic of its own: eligibility's contract test fills the shared one with bursts this consumer need not read. */
    static final String TOPIC = "facility-inbox-contract-batch";

    @Override
    protected String topic() {
        return TOPIC;
    }
}
