import Foundation

/// Fixed slots that concurrent workers fill, one each, under a lock.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    // Sendable by hand: every access to `values` and `claimed` holds `lock`, and `Value` is Sendable.
    private let lock = NSLock()
    private var values: [Result<Value, Error>?]
    private var claimed = 0

    public init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    /// The lowest index no worker has claimed yet (now claimed), nil once every index is.
    public func claim() -> Int? {
        lock.withLock {
            guard claimed < values.count else { return nil }
            claimed += 1
            return claimed - 1
        }
    }

    /// Fills slot `index` (each slot once, by the worker that has it).
    public func set(_ index: Int, _ result: Result<Value, Error>) {
        lock.withLock { values[index] = result }
    }

    /// The values in slot order; rethrows the first failure.
    public func collect() throws -> [Value] {
        try lock.withLock { values }.map { slot in
            guard let slot else { throw ReportError(.internal, vi: "một luồng song song không trả về kết quả", en: "a parallel worker left no result") }
            return try slot.get()
        }
    }
}
