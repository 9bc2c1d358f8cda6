import XCTest
import ReportChecks
import ReportModel
@testable import ReportPipeline

final class DaySnapshotTests: XCTestCase {
    let day = Day(iso: "2026-11-24")!

    func sample() -> DayReports {
        let big = Counts(receivedOnline: 10_000_000, receivedOffline: 1 << 40, resolvedOnTime: 127, resolvedLate: 128,
                         returned: 16_384, pendingOnTime: 0, pendingOverdue: Int(Int32.max))
        return DayReports(day: day, units: [
            "00070": ["1.000101": big, "2.000305": Counts(receivedOnline: 1)],
            "00008": [:],
            "01": ["1.000101": Counts(resolvedLate: 3), "1.000999": Counts(returned: 2)],
            "Phường Ba Đình": ["2.000305": Counts(pendingOnTime: 5)],
        ])
    }

    /// A snapshot written by hand: one procedure code, then units with no entries, in the given order.
    func handMade(units: [String]) -> [UInt8] {
        var b = Array("DRS2".utf8) + [1, 8] + Array("1.000101".utf8) + [UInt8(units.count)]
        for u in units { b += [UInt8(u.utf8.count)] + Array(u.utf8) + [0] }
        return b
    }

    func testRoundTrip() throws {
        let original = sample()
        let decoded = try XCTUnwrap(DaySnapshot.decode(DaySnapshot.encode(original), day: day))
        XCTAssertEqual(decoded.day, original.day)
        XCTAssertEqual(decoded.unitCodes, original.unitCodes)
        XCTAssertEqual(decoded.units, original.units)
        XCTAssertEqual(decoded.entries(of: "00008"), 0..<0)
        XCTAssertEqual(decoded.entries(of: "00070")?.map { decoded.counts[$0].receivedOnline }, [10_000_000, 1])
    }

    func testTrailingBytesAreRejected() {
        let bytes = DaySnapshot.encode(sample())
        XCTAssertNotNil(DaySnapshot.decode(bytes, day: day))
        // A blob with anything after its last unit was not written whole by this build.
        XCTAssertNil(DaySnapshot.decode(bytes + [0], day: day))
        XCTAssertNil(DaySnapshot.decode(bytes + bytes, day: day))
    }

    func testOtherFormatIsNotRead() {
        var bytes = DaySnapshot.encode(sample())
        XCTAssertNotNil(DaySnapshot.decode(bytes, day: day))
        bytes.replaceSubrange(0..<4, with: Array("DRS1".utf8))
        XCTAssertNil(DaySnapshot.decode(bytes, day: day))
        XCTAssertNil(DaySnapshot.decode([], day: day))
    }

    func testEveryTruncationIsRejected() {
        let bytes = DaySnapshot.encode(sample())
        for n in 0..<bytes.count {
            XCTAssertNil(DaySnapshot.decode(Array(bytes[..<n]), day: day), "prefix of \(n) of \(bytes.count) bytes")
        }
    }

    func testUnitsOutOfOrderAreRejected() throws {
        // The same bytes in order decode, so the nil below is about order, not a malformed hand-made snapshot.
        let ordered = try XCTUnwrap(DaySnapshot.decode(handMade(units: ["00001", "00002"]), day: day))
        XCTAssertEqual(ordered.unitCodes, ["00001", "00002"])
        XCTAssertNil(DaySnapshot.decode(handMade(units: ["00002", "00001"]), day: day))
        XCTAssertNil(DaySnapshot.decode(handMade(units: ["00001", "00001"]), day: day), "a repeated unit")
    }

    func testProceduresOutOfOrderAreRejected() {
        // Two codes; one unit whose two entries name places 1 then 0.
        func snapshot(places: [UInt8]) -> [UInt8] {
            var b = Array("DRS2".utf8) + [2, 1] + Array("a".utf8) + [1] + Array("b".utf8) + [1, 1] + Array("u".utf8)
            b.append(UInt8(places.count))
            for p in places { b += [p, 1, 2, 3, 4, 5, 6, 7] }
            return b
        }
        XCTAssertEqual(DaySnapshot.decode(snapshot(places: [0, 1]), day: day).map { Array($0.procedureCodes) }, ["a", "b"])
        XCTAssertNil(DaySnapshot.decode(snapshot(places: [1, 0]), day: day))
        XCTAssertNil(DaySnapshot.decode(snapshot(places: [0, 0]), day: day))
        XCTAssertNil(DaySnapshot.decode(snapshot(places: [2]), day: day), "a place past the code list")
    }
}
