import XCTest
import ReportModel

/// Code and name lookups over a small hand-made registry (the real registry is tested in ReportIngestTests).
final class UnitDirectoryTests: XCTestCase {
    static let from = Day(iso: "2025-07-01")
    static func unit(_ code: String, _ name: String, _ kind: String, parent: String? = nil, aliases: [String] = [],
                     to: Day? = nil) -> ReportModel.Unit {
        ReportModel.Unit(code: code, name: name, level: parent == nil ? .province : .commune, parentCode: parent, kind: kind,
                         aliases: aliases, activeFrom: from, activeTo: to)
    }
    let directory = UnitDirectory(units: [
        unit("01", "Thành phố Hà Nội", "thành phố"),
        unit("04", "Tỉnh Cao Bằng", "tỉnh"),
        unit("25", "Tỉnh Phú Thọ", "tỉnh", aliases: ["Tỉnh Vĩnh Phúc", "Tỉnh Hòa Bình"]),
        unit("79", "Thành phố Hồ Chí Minh", "thành phố", aliases: ["Tỉnh Bình Dương", "TP.HCM"]),
        unit("00004", "Phường Ba Đình", "phường", parent: "01"),
        unit("00025", "Phường Giảng Võ", "phường", parent: "01"),
        unit("00070", "Phường Hoàn Kiếm", "phường", parent: "01"),
        unit("04795", "Phường Hòa Bình", "phường", parent: "25"),
        unit("29830", "Xã Hòa Bình", "xã", parent: "86"),
        unit("19813", "Phường Thủy Xuân", "phường", parent: "46"),
        unit("19810", "Phường Kim Long", "phường", parent: "46"),
        unit("26608", "Xã Kim Long", "xã", parent: "79"),
        unit("88888", "Xã Đã Đóng", "xã", parent: "01", to: Day(iso: "2026-06-30")),
    ])
    let day = Day(iso: "2026-11-27")!

    func code(_ m: UnitDirectory.Match) -> String? {
        if case .unit(let u) = m { return u.code }
        return nil
    }
    func isUnknown(_ m: UnitDirectory.Match) -> Bool { if case .unknown = m { return true }; return false }
    func isInactive(_ m: UnitDirectory.Match) -> Bool { if case .inactive = m { return true }; return false }

    func testCodeLookup() {
        XCTAssertEqual(code(directory.lookup(code: "70", level: .commune, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: "70", level: nil, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: "00070", level: nil, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: " 070 ", level: nil, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: "4", level: .commune, on: day)), "00004")
        XCTAssertEqual(code(directory.lookup(code: "4", level: .province, on: day)), "04")
        XCTAssertTrue(isUnknown(directory.lookup(code: "4", level: nil, on: day)), "two units fit and nothing decides")
        XCTAssertEqual(code(directory.lookup(code: "25", level: .province, on: day)), "25")
        XCTAssertEqual(code(directory.lookup(code: "25", level: .commune, on: day)), "00025")
        XCTAssertTrue(isUnknown(directory.lookup(code: "25", level: nil, on: day)))
        XCTAssertEqual(code(directory.lookup(code: "1", level: nil, on: day)), "01", "only the province fits")
        // No commune 00001: the only unit that fits is the province, whatever the level (the row is then a level mismatch).
        XCTAssertEqual(code(directory.lookup(code: "1", level: .commune, on: day)), "01")
    }

    /// A code as a spreadsheet may write it: Excel's text prefix kept (`'00070`), or the column read as numbers and
    /// written back as floats (`70.0`). Both were `unknown_unit` ("không phải là số").
    func testCodesAsASpreadsheetWritesThem() {
        XCTAssertEqual(code(directory.lookup(code: "'00070", level: nil, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: " '70 ", level: .commune, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: "70.0", level: .commune, on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(code: "'01", level: nil, on: day)), "01")
        for bad in ["''00070", "70.5", "70.00", ".0", "'", "7'0", "70.0.0"] {
            XCTAssertTrue(isUnknown(directory.lookup(code: bad, level: .commune, on: day)), "\"\(bad)\"")
        }
    }

    func testCodeLookupFailures() {
        for bad in ["ABC", "", "  ", "7O", "-70", "1e2", "123456", "99999"] {
            XCTAssertTrue(isUnknown(directory.lookup(code: bad, level: .commune, on: day)), "\"\(bad)\"")
        }
        XCTAssertTrue(isInactive(directory.lookup(code: "00070", level: .commune, on: Day(iso: "2025-06-30")!)))
        XCTAssertTrue(isInactive(directory.lookup(code: "70", level: nil, on: Day(iso: "2025-06-30")!)))
        XCTAssertEqual(code(directory.lookup(code: "00070", level: nil, on: Day(iso: "2025-07-01")!)), "00070", "inclusive start")
        XCTAssertEqual(code(directory.lookup(code: "88888", level: nil, on: Day(iso: "2026-06-30")!)), "88888", "inclusive end")
        XCTAssertTrue(isInactive(directory.lookup(code: "88888", level: nil, on: Day(iso: "2026-07-01")!)))
    }

    func testNameLookup() {
        XCTAssertEqual(code(directory.lookup(name: "Phường Hoàn Kiếm", on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(name: "Hoàn Kiếm", on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(name: "PHƯỜNG HOÀN KIẾM", on: day)), "00070")
        XCTAssertEqual(code(directory.lookup(name: "Phuong Hoan Kiem", on: day)), "00070", "loose fallback")
        XCTAssertEqual(code(directory.lookup(name: "hoan kiem", on: day)), "00070")
        XCTAssertTrue(isUnknown(directory.lookup(name: "Xã Hoàn Kiếm", on: day)), "prefix must fit the kind")
        XCTAssertEqual(code(directory.lookup(name: "Phường Thuỷ Xuân", on: day)), "19813", "old tone placement")
        XCTAssertEqual(code(directory.lookup(name: "Tỉnh Hòa Bình", on: day)), "25")
        XCTAssertEqual(code(directory.lookup(name: "Tỉnh Hoà Bình", on: day)), "25")
        XCTAssertEqual(code(directory.lookup(name: "Xã Hòa Bình", on: day)), "29830")
        XCTAssertEqual(code(directory.lookup(name: "Phường Hòa Bình", on: day)), "04795")
        XCTAssertTrue(isUnknown(directory.lookup(name: "Hòa Bình", on: day)), "fits three units")
        XCTAssertTrue(isUnknown(directory.lookup(name: "Kim Long", on: day)))
        XCTAssertEqual(code(directory.lookup(name: "Phường Kim Long", on: day)), "19810")
        XCTAssertEqual(code(directory.lookup(name: "TP.HCM", on: day)), "79")
        XCTAssertEqual(code(directory.lookup(name: "TP. Hồ Chí Minh", on: day)), "79")
        XCTAssertEqual(code(directory.lookup(name: "Hồ Chí Minh", on: day)), "79")
        XCTAssertTrue(isUnknown(directory.lookup(name: "Tỉnh Hồ Chí Minh", on: day)))
        XCTAssertTrue(isUnknown(directory.lookup(name: "", on: day)))
        XCTAssertTrue(isUnknown(directory.lookup(name: "Xã", on: day)) || isUnknown(directory.lookup(name: "Phường", on: day)))
        XCTAssertTrue(isInactive(directory.lookup(name: "Phường Hoàn Kiếm", on: Day(iso: "2025-06-30")!)))
    }

    /// Names as reports write them: the kind abbreviated (`P.`, `X.`, like `TP.`), or the unit's People's Committee
    /// before it (`UBND phường …`, `Ủy ban nhân dân xã …`). Such rows were `unknown_unit` before.
    func testAbbreviatedKindsAndTheCommitteeBeforeTheName() {
        for name in ["P. Hoàn Kiếm", "p.Hoàn Kiếm", "UBND phường Hoàn Kiếm", "UBND P. Hoàn Kiếm", "Ủy ban nhân dân phường Hoàn Kiếm",
                     "UBND Hoàn Kiếm"] {
            XCTAssertEqual(code(directory.lookup(name: name, on: day)), "00070", name)
        }
        XCTAssertEqual(code(directory.lookup(name: "X. Hòa Bình", on: day)), "29830")
        XCTAssertEqual(code(directory.lookup(name: "P. Hòa Bình", on: day)), "04795")
        // The abbreviation must fit the kind, as the full prefix must; and "Xã" keeps needing its accent.
        XCTAssertTrue(isUnknown(directory.lookup(name: "X. Hoàn Kiếm", on: day)))
        XCTAssertTrue(isUnknown(directory.lookup(name: "P. Đã Đóng", on: day)))
        XCTAssertEqual(NameKey("Xã Tân Phú").splittingKindPrefix().rest, NameKey("Tân Phú"), "the full prefix still goes")
        XCTAssertEqual(NameKey("UBND").splittingKindPrefix().rest, NameKey("UBND"), "the words alone are a name")
    }
}

final class NameKeyTests: XCTestCase {
    func testEquivalences() {
        let k = NameKey("Phường Thủy Xuân")
        XCTAssertEqual(NameKey("PHƯỜNG THUỶ XUÂN"), k)
        XCTAssertEqual(NameKey("Phường Thủy Xuân".decomposedStringWithCanonicalMapping), k)
        XCTAssertEqual(NameKey("  Phường   Thuỷ  Xuân "), k)
        XCTAssertEqual(NameKey("Hoà").exact, NameKey("Hòa").exact)
        XCTAssertEqual(NameKey("Hoá").exact, NameKey("Hóa").exact)
        XCTAssertNotEqual(NameKey("Hòa").exact, NameKey("Hóa").exact, "different tones stay different")
        XCTAssertNotEqual(NameKey("Hòa").exact, NameKey("Hoa").exact)
        XCTAssertEqual(NameKey("Hòa").loose, NameKey("Hoa").loose)
        XCTAssertEqual(NameKey("Đông").loose, ["dong"])
        XCTAssertNotEqual(NameKey("Đông").exact, NameKey("Dong").exact)
        XCTAssertEqual(NameKey("Bà Rịa - Vũng Tàu").loose, ["ba", "ria", "vung", "tau"])
    }

    func testPrefix() {
        XCTAssertEqual(NameKey("Xã Tân Phú").splittingKindPrefix().kind, "xã")
        XCTAssertEqual(NameKey("Xa Lộ").splittingKindPrefix().kind, nil, "Xa without accent in an accented name is not a prefix")
        XCTAssertEqual(NameKey("Đặc khu Côn Đảo").splittingKindPrefix().kind, "đặc khu")
        XCTAssertEqual(NameKey("TP. Huế").splittingKindPrefix().kind, "thành phố")
        XCTAssertEqual(NameKey("Thanh pho Hue").splittingKindPrefix().kind, "thành phố")
        XCTAssertEqual(NameKey("Xã").splittingKindPrefix().kind, nil, "a prefix alone is a name")
        XCTAssertEqual(NameKey("Phường Hoàn Kiếm").splittingKindPrefix().rest, NameKey("Hoàn Kiếm"))
    }
}
