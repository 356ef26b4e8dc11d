package io.shikaku.facility;

import io.shikaku.common.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
