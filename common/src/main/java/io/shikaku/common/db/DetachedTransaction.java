package io.shikaku.common.db;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;

/** Every {@code @WithTransaction} commits or rolls back whatever its caller does. */
@WithTransaction
@Interceptor
@Priority(DetachedDatabaseWork.PRIORITY)
public class DetachedTransaction extends DetachedDatabaseWork {
}
