/// When a progress line is worth redrawing: once 1 % more of the total is done or 0.2 s after the last
/// redraw, whichever comes first, and always at the end — smooth on a long job, a handful of writes a second.
struct ProgressThrottle: Sendable {
    let total: Int
    /// Seconds after a redraw when the next one is due whatever was done since.
    let interval: Double
    /// Work done since a redraw after which the next one is due whatever the time.
    let step: Int
    /// The `done` last shown, -1 before the first.
    private(set) var lastDone = -1
    private var lastTime = -Double.infinity

    init(total: Int, interval: Double = 0.2, fraction: Double = 0.01) {
        self.total = total
        self.interval = interval
        step = max(1, Int((Double(total) * fraction).rounded(.up)))
    }

    /// Whether to show `done` at `now` (seconds on a monotonic clock); records it as shown when so. Never shows a count twice or one lower than the last.
    mutating func due(_ done: Int, clock now: () -> Double) -> Bool {
        guard done > lastDone else { return false }
        let t = now()
        if done < total && done - lastDone < step {
            guard t - lastTime >= interval else { return false }
        }
        lastDone = done
        lastTime = t
        return true
    }
}
