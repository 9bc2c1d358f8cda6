import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The one worker loop: indexes shared between a few threads, each result kept in its own slot.
public enum Parallel {
    /// `transform(i)` for every `i` in `0..<count` on at most `workers` threads (each free worker takes the next
    /// index, so earlier indexes start first); the results in index order, the first failure in that order rethrown.
    /// `yielding`: the workers are threads of their own that give way to the process's other threads (see
    /// `runYielding`), for work done ahead of a thread that is the critical path.
    public static func map<Value: Sendable>(count: Int, workers: Int = 2, yielding: Bool = false,
                                            _ transform: @Sendable (Int) throws -> Value) throws -> [Value] {
        try map(count: count, workers: workers, yielding: yielding, context: {}) { _, i in try transform(i) }
    }

    /// The same, with a context each worker makes once and keeps for all its indexes (a reader with a file open).
    public static func map<Context, Value: Sendable>(count: Int, workers: Int = 2, yielding: Bool = false,
                                                     context: @Sendable () -> Context,
                                                     _ transform: @Sendable (inout Context, Int) throws -> Value) throws -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        @Sendable func work() {
            var c = context()
            while let i = slots.claim() { slots.set(i, Result { try transform(&c, i) }) }
        }
        let threads = min(max(workers, 1), count)
        if yielding && threads > 0 {
            runYielding(threads: threads, work)
        } else if threads == 1 {
            work()
        } else if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        }
        return try slots.collect()
    }

    /// How much lower than the process's other threads the yielding workers run (a nice value, Linux).
    static let yieldingNice: Int32 = 10

    /// `body` on `threads` new threads, each lowered by `yieldingNice` before it starts (on Linux a thread's own
    /// nice value; the threads end with the work, so no pooled thread keeps it). Returns when all are done.
    ///
    /// Why: a backfill's loader (one thread, SQLite) is the ingest's critical path, and with two batches read
    /// ahead four parsing threads shared the two cores with it: it ran ~0.7 of a core. Lowered, the parsing
    /// takes what the loader leaves.
    static func runYielding(threads: Int, _ body: @Sendable () -> Void) {
        withoutActuallyEscaping(body) { body in
            let job = YieldingJob(body)
            var started: [pthread_t] = []
            for _ in 0..<threads {
                var thread = pthread_t()
                let context = Unmanaged.passRetained(job).toOpaque()
                let rc = pthread_create(&thread, nil, { raw in
                    let job = Unmanaged<YieldingJob>.fromOpaque(raw!).takeRetainedValue()
                    // `who` 0 is the calling thread on Linux (its kernel task), not the whole process.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Parallel.yieldingNice)
                    job.body()
                    return nil
                }, context)
                if rc == 0 { started.append(thread) } else { Unmanaged<YieldingJob>.fromOpaque(context).release() }
            }
            // No thread could be started: the caller does the work (the workers share one index counter).
            if started.isEmpty { job.body() }
            for thread in started { pthread_join(thread, nil) }
        }
    }
}

/// The work `Parallel.runYielding` hands its threads, all joined before it returns.
private final class YieldingJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
