import Dispatch

/// Work started on another thread now, whose result is waited for later.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // Sendable by hand: `result` is written once before `done` is signalled and read only after waiting on it.
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// The work's value (or its error), once it has finished.
    func wait() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
