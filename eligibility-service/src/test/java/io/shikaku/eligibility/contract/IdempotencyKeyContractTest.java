package io.shikaku.eligibility.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.IdempotencyKeyContract;

@QuarkusTest
class IdempotencyKeyContractTest extends IdempotencyKeyContract {
}
