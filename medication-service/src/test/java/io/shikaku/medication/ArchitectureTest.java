package io.shikaku.medication;

import io.shikaku.common.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
