package no.overdosevarsel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap while a phase runs, two ways: heap in use sampled every 50 ms (includes garbage not yet collected, so it
 * mostly shows how far the collector let the heap fill), and heap in use right after each collection (the live set,
 * the figure that must stay flat as the number of subscribers grows).
 */
final class HeapMonitor implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakCommitted = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMonitor() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        sampler = Thread.ofPlatform().name("heap-sampler").daemon().start(this::sample);
    }

    private void sample() {
        while (running) {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
            peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peakUsed.accumulateAndGet(before, Math::max);
        // A concurrent cycle's "after" is not a full picture of the live set; pauses are.
        if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
            peakAfterGc.accumulateAndGet(after, Math::max);
        }
        collections.incrementAndGet();
    }

    long peakUsed() {
        return peakUsed.get();
    }

    long peakAfterGc() {
        return peakAfterGc.get();
    }

    long peakCommitted() {
        return peakCommitted.get();
    }

    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
