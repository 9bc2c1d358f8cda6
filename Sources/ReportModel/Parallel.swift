import Dispatch

/// The one worker loop: indexes shared between a few threads, each result kept in its own slot.
public enum Parallel {
    /// `transform(i)` for every `i` in `0..<count` on at most `workers` threads (each free worker takes the next
    /// index, so earlier indexes start first); the results in index order, the first failure in that order rethrown.
    public static func map<Value: Sendable>(count: Int, workers: Int = 2,
                                            _ transform: @Sendable (Int) throws -> Value) throws -> [Value] {
        try map(count: count, workers: workers, context: {}) { _, i in try transform(i) }
    }

    /// The same, with a context each worker makes once and keeps for all its indexes (a reader with a file open).
    public static func map<Context, Value: Sendable>(count: Int, workers: Int = 2, context: @Sendable () -> Context,
                                                     _ transform: @Sendable (inout Context, Int) throws -> Value) throws -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        @Sendable func work() {
            var c = context()
            while let i = slots.claim() { slots.set(i, Result { try transform(&c, i) }) }
        }
        let threads = min(max(workers, 1), count)
        if threads == 1 {
            work()
        } else if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        }
        return try slots.collect()
    }
}
