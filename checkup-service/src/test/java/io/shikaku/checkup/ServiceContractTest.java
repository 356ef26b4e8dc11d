package io.shikaku.checkup;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceContract;

@QuarkusTest
class ServiceContractTest extends ServiceContract {
}
