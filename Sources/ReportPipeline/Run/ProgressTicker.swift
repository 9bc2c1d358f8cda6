import Foundation
import Glibc

/// Counts work done on any thread and shows it through a `ProgressThrottle`: what a re-ingest's workers tick per
/// file. `done` stays below the total until `finish()` (the files are read before the last of them is loaded).
final class ProgressTicker: @unchecked Sendable {
    // Sendable by hand: `throttle` and `done` are read and written only under `lock`, and `show` is called only
    // under it, so its calls never overlap whatever thread ticks.
    private let lock = NSLock()
    private var throttle: ProgressThrottle
    private var done = 0
    private let clock: @Sendable () -> Double
    private let show: (Int) -> Void

    init(total: Int, clock: @escaping @Sendable () -> Double = ProgressTicker.monotonicSeconds, show: @escaping (Int) -> Void) {
        throttle = ProgressThrottle(total: total)
        self.clock = clock
        self.show = show
    }

    /// Shows 0 of the total.
    func start() { locked { if throttle.due(0, clock: clock) { show(0) } } }

    /// One more unit of work done.
    func tick() {
        locked {
            done += 1
            let shown = min(done, throttle.total - 1)
            if throttle.due(shown, clock: clock) { show(shown) }
        }
    }

    /// All of it done: shows the total.
    func finish() { locked { if throttle.due(throttle.total, clock: clock) { show(throttle.total) } } }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    /// Seconds on the coarse monotonic clock: read in user space (vDSO), no system call, a few ms of resolution.
    @Sendable static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
