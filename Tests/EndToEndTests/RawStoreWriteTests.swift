import Foundation
@testable import ReportPipeline
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `RawStore` kept a pack's bytes with a write loop that took a signal (EINTR) for a failure, failing the run.
final class RawStoreWriteTests: XCTestCase {
    func testASignalDuringAWriteIsRetriedAndShortWritesGoOn() {
        let bytes = Array(repeating: UInt8(7), count: 10_000)
        var calls = 0, written: [UInt8] = []
        let ok = bytes.withUnsafeBytes { buf in
            RawStore.writeAll(3, buf) { _, p, n in
                calls += 1
                if calls % 2 == 1 {
                    errno = EINTR
                    return -1
                }
                let k = min(n, 3_000)
                written += UnsafeRawBufferPointer(start: p, count: k)
                return k
            }
        }
        XCTAssertTrue(ok)
        XCTAssertEqual(written, bytes)
        XCTAssertEqual(calls, 8)
    }

    func testARealFailureIsReported() {
        let ok = [UInt8](repeating: 1, count: 10).withUnsafeBytes { buf in
            RawStore.writeAll(3, buf) { _, _, _ in
                errno = ENOSPC
                return -1
            }
        }
        XCTAssertFalse(ok)
        XCTAssertEqual(errno, ENOSPC)
    }
}
