import Foundation
import ReportModel
@testable import ReportPipeline
import XCTest

/// Which rejected lines a registry change may resolve: those naming a touched unit or procedure.
final class RegistryMentionsTests: XCTestCase {
    func unit(_ code: String, _ name: String, aliases: [String] = []) -> ReportModel.Unit {
        Unit(code: code, name: name, level: .commune, parentCode: "01", kind: "phường", aliases: aliases, activeFrom: nil, activeTo: nil)
    }

    func registries(_ units: [ReportModel.Unit], procedures: [String] = ["1.000101"]) -> Registries {
        Registries(units: [ReportModel.Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "thành phố",
                                aliases: [], activeFrom: nil, activeTo: nil)] + units,
                   procedures: procedures.map { Procedure(code: $0, name: $0, field: "", level: .commune, priority: false, maxDays: nil) },
                   contacts: [], calendar: ReportCalendar())
    }

    func testARenameNamesLinesWithTheOldOrNewNameOrTheCode() {
        let old = registries([unit("00070", "Phường Hoàn Kiếm"), unit("00004", "Phường Ba Đình")])
        let new = registries([unit("00070", "Phường Hoàn Kiếm Mới", aliases: ["HK"]), unit("00004", "Phường Ba Đình")])
        let m = RegistryMentions(RegistryDiff(stored: old, current: new), stored: old, current: new)
        XCTAssertTrue(m.mentionsUnit("2026-11-27,,Phuong Hoan Kiem Moi,1.000101,1"), "the new name, without diacritics")
        XCTAssertTrue(m.mentionsUnit("2026-11-27,,hoàn  kiếm,1.000101,1"), "the old name, any case and spacing")
        XCTAssertTrue(m.mentionsUnit("2026-11-27,,HK,1.000101,1"), "an alias")
        XCTAssertTrue(m.mentionsUnit("2026-11-27,70,,1.000101,1"), "the code without its leading zeros")
        XCTAssertTrue(m.mentionsUnit(#"{"unit_code": "00070", "procedure_code": "1.000101"}"#), "a JSON record")
        XCTAssertFalse(m.mentionsUnit("2026-11-27,00004,Phường Ba Đình,1.000101,1"), "another unit")
        XCTAssertFalse(m.mentionsUnit("2026-11-27,,Hoàn,1.000101,1"), "part of the name only")
        XCTAssertFalse(m.mentionsUnit("2026-11-27,100070,,1.000101,1"), "a longer number")
        XCTAssertTrue(m.mentionsUnit(String(repeating: "x", count: 4000)), "a line cut at the warehouse's limit may name it")
        XCTAssertFalse(m.mentionsProcedure("2026-11-27,00070,,1.000101,1"), "no procedure changed")
        XCTAssertEqual(m.newUnitNames, Set([["hoan", "kiem", "moi"], ["hk"]]))
        XCTAssertEqual(m.newUnitCodes, [])
    }

    func testAnAddedProcedureIsNamedWithOrWithoutItsDot() {
        let old = registries([unit("00070", "Phường Hoàn Kiếm")])
        let new = registries([unit("00070", "Phường Hoàn Kiếm")], procedures: ["1.000101", "1.999999"])
        let m = RegistryMentions(RegistryDiff(stored: old, current: new), stored: old, current: new)
        XCTAssertTrue(m.mentionsProcedure("2026-11-27,00070,1.999999,1"))
        XCTAssertTrue(m.mentionsProcedure("2026-11-27,00070,1999999,1"))
        XCTAssertTrue(m.mentionsProcedure("2026-11-27,00070,1 999999,1"))
        XCTAssertFalse(m.mentionsProcedure("2026-11-27,00070,1.000101,1"))
        XCTAssertFalse(m.mentionsUnit("2026-11-27,00070,1.999999,1"), "no unit changed")
    }

    /// An added unit sharing a name with a registered one may make that one's name-matched rows ambiguous.
    func testUnitsConfusableWithAnAddedOneShareItsNameOrCode() {
        let old = registries([unit("00070", "Phường Kim Long"), unit("00004", "Phường Ba Đình"), unit("00071", "Phường Khác")])
        let new = registries(old.units.dropFirst().map { $0 } + [unit("88888", "Xã Kim Long"), unit("0071", "Phường Mới")])
        let m = RegistryMentions(RegistryDiff(stored: old, current: new), stored: old, current: new)
        XCTAssertEqual(NightlyRun.unitsConfusable(with: m, in: old, excluding: ["88888", "0071"]), ["00070", "00071"])
    }
}
