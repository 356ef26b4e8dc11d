package io.shikaku.facility;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.OutboxContract;

@QuarkusTest
class OutboxContractTest extends OutboxContract {
}
