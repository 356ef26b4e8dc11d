package io.shikaku.eligibility.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.InboxContract;

@QuarkusTest
class InboxContractTest extends InboxContract {
}
