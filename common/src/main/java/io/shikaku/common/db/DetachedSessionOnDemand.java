package io.shikaku.common.db;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

import io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand;

/**
 * Every REST method returning a {@code Uni} (Quarkus gives each one {@code @WithSessionOnDemand}) finishes its
 * database work after its client has gone, so no connection is closed with a live transaction.
 */
@WithSessionOnDemand
@Interceptor
@Priority(DetachedDatabaseWork.PRIORITY)
public class DetachedSessionOnDemand extends DetachedDatabaseWork {
}
