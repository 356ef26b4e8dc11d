package io.shikaku.checkup;

import io.shikaku.common.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
