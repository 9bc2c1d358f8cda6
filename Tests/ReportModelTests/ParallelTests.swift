import Foundation
import XCTest
import ReportModel

final class ParallelTests: XCTestCase {
    private struct Failure: Error, Equatable { var index: Int }

    func testResultsKeepIndexOrder() throws {
        XCTAssertEqual(try Parallel.map(count: 1000) { $0 * $0 }, (0..<1000).map { $0 * $0 })
        XCTAssertEqual(try Parallel.map(count: 3, workers: 1) { $0 + 1 }, [1, 2, 3])
        XCTAssertEqual(try Parallel.map(count: 0) { $0 }, [])
    }

    func testTheFirstFailureInIndexOrderIsRethrown() {
        XCTAssertThrowsError(try Parallel.map(count: 100) { i -> Int in
            if i == 70 || i == 30 { throw Failure(index: i) }
            return i
        }) { XCTAssertEqual($0 as? Failure, Failure(index: 30)) }
    }

    func testEachWorkerMakesItsContextOnce() throws {
        // A slot claimed per context made (ResultSlots.claim is the loop's own locked counter).
        let contexts = ResultSlots<Int>(count: 100)
        let runs = try Parallel.map(count: 200, workers: 2, context: { () -> Int in
            _ = contexts.claim()
            return 0
        }) { done, _ -> Int in
            done += 1
            return done
        }
        var unclaimed = 0
        while contexts.claim() != nil { unclaimed += 1 }
        let made = 100 - unclaimed
        XCTAssertTrue((1...2).contains(made), "\(made) contexts for 2 workers")
        // Each worker counts its own indexes from 1: the counts start again once per context that did work
        // (a second worker can start after the first has claimed every index).
        XCTAssertTrue((1...made).contains(runs.filter { $0 == 1 }.count))
        XCTAssertEqual(runs.max().map { $0 >= 100 }, true)
    }
}

#if canImport(Glibc)
import Glibc

final class ParallelYieldingTests: XCTestCase {
    func testYieldingWorkersKeepOrderAndFailures() {
        XCTAssertEqual(try Parallel.map(count: 500, yielding: true) { $0 * 3 }, (0..<500).map { $0 * 3 })
        XCTAssertEqual(try Parallel.map(count: 0, yielding: true) { $0 }, [])
        XCTAssertThrowsError(try Parallel.map(count: 50, yielding: true) { i -> Int in
            if i == 40 || i == 20 { throw CocoaError(.fileNoSuchFile, userInfo: ["i": i]) }
            return i
        }) { XCTAssertEqual(($0 as? CocoaError)?.userInfo["i"] as? Int, 20) }
    }

    /// The workers run lowered (a loader beside them keeps its core); the calling thread keeps its own priority.
    func testYieldingWorkersRunLoweredAndTheCallerIsUnchanged() throws {
        let before = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let seen = try Parallel.map(count: 8, yielding: true) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        XCTAssertEqual(Set(seen), [min(19, before + 10)])
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), before)
        XCTAssertEqual(Set(try Parallel.map(count: 8) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }), [before],
                       "the pooled workers are not lowered")
    }
}
#endif
