package io.shikaku.common.db;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;

/** Every {@code @WithSession} closes its session and returns its connection whatever its caller does. */
@WithSession
@Interceptor
@Priority(DetachedDatabaseWork.PRIORITY)
public class DetachedSession extends DetachedDatabaseWork {
}
