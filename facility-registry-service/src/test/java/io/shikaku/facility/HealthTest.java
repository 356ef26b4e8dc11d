package io.shikaku.facility;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceHealthContract;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}
