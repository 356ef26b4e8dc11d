package io.shikaku.common.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Starts every {@link BackgroundWorker} of the service: one wake-up at startup (work accepted before a restart is
 * picked up) and a timer of its own ({@code <prefix>.worker.every}) that wakes it in case a wake-up was lost.
 */
@ApplicationScoped
public class BackgroundWorkers {

    @Inject
    @Any
    Instance<BackgroundWorker> workers;

    @Inject
    Scheduler scheduler;

    void start(@Observes StartupEvent started) {
        for (BackgroundWorker worker : workers) {
            worker.wake();
            String every = worker.every();
            scheduler.newJob(worker.name()).setInterval(every).setDelayed(every).setTask(execution -> worker.tick())
                    .schedule();
        }
    }
}
