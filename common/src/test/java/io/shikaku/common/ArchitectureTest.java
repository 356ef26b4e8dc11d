package io.shikaku.common;

import io.shikaku.common.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
