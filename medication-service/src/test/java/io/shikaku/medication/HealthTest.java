package io.shikaku.medication;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceHealthContract;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}
