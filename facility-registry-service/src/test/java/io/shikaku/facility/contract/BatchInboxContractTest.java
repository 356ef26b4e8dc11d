package io.shikaku.facility.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.BatchInboxContract;

@QuarkusTest
class BatchInboxContractTest extends BatchInboxContract {
}
