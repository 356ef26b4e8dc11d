package io.shikaku.medication;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceContract;

@QuarkusTest
class ServiceContractTest extends ServiceContract {
}
