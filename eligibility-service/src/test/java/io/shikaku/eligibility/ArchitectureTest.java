package io.shikaku.eligibility;

import io.shikaku.common.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
