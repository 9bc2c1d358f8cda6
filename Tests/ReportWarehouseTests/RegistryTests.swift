import ReportModel
import ReportWarehouse
import XCTest

final class RegistryTests: XCTestCase {
    func testRegistrySnapshotRoundTrip() throws {
        let (wh, path) = try makeWarehouse(self)
        let units = [
            Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "thành phố", aliases: [],
                 activeFrom: Day(iso: "2025-07-01"), activeTo: nil),
            Unit(code: "00070", name: "Phường Hoàn Kiếm", level: .commune, parentCode: "01", kind: "phường",
                 aliases: ["Hoàn Kiếm", "Phường Hàng Trống"], activeFrom: Day(iso: "2025-07-01"), activeTo: Day(iso: "2030-12-31")),
        ]
        let procedures = [
            Procedure(code: "2.000001", name: "Đăng ký khai sinh", field: "Hộ tịch", level: .commune, priority: true, maxDays: nil),
            Procedure(code: "1.000101", name: "Cấp phép", field: "Xây dựng", level: .province, priority: false, maxDays: 15),
        ]
        let contacts = [
            ContactPoint(unitCode: "00070", fullName: "Trần Thị B", title: "Công chức", phone: "+84 912 345 678",
                         email: "b@hoankiem.gov.vn", activeFrom: nil, activeTo: Day(iso: "2026-06-30")),
        ]
        let calendar = ReportCalendar(exceptions: [Day(iso: "2026-01-01")!: false, Day(iso: "2026-02-07")!: true],
                                      names: [Day(iso: "2026-01-01")!: "Tết Dương lịch", Day(iso: "2026-02-07")!: "Làm bù"])
        try wh.replaceRegistries(Registries(units: units, procedures: procedures, contacts: contacts, calendar: calendar))
        // Replacing again leaves one copy.
        try wh.replaceRegistries(Registries(units: units, procedures: procedures, contacts: contacts, calendar: calendar))
        let back = try Warehouse(path: path).storedRegistries()
        XCTAssertEqual(back.units, units)
        XCTAssertEqual(back.procedures, procedures.sorted { $0.code < $1.code })
        XCTAssertEqual(back.contacts.contacts, contacts)
        XCTAssertEqual(back.calendar, calendar)
    }

    /// An unchanged registry is not written again; any changed value is.
    func testUnchangedRegistriesAreNotRewritten() throws {
        let (wh, path) = try makeWarehouse(self)
        func registries(hoanKiem name: String, phone: String) -> Registries {
            Registries(units: [
                Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "thành phố", aliases: [],
                     activeFrom: nil, activeTo: nil),
                Unit(code: "00070", name: name, level: .commune, parentCode: "01", kind: "phường", aliases: [],
                     activeFrom: nil, activeTo: nil),
            ], procedures: [], contacts: [
                ContactPoint(unitCode: "00070", fullName: "Trần Thị B", title: "", phone: phone, email: "b@x.vn",
                             activeFrom: nil, activeTo: nil),
            ], calendar: ReportCalendar())
        }
        let first = registries(hoanKiem: "Phường Hoàn Kiếm", phone: "0912345678")
        try wh.replaceRegistries(first)
        let written = wh.db.totalChanges
        XCTAssertGreaterThan(written, 0)
        try wh.replaceRegistries(first)
        XCTAssertEqual(wh.db.totalChanges, written, "the same registries were written again")

        // A changed name (NFD: the same text, other bytes) and a changed phone are each written.
        let nfd = registries(hoanKiem: "Phường Hoàn Kiê\u{0301}m", phone: "0912345678")
        try wh.replaceRegistries(nfd)
        XCTAssertGreaterThan(wh.db.totalChanges, written)
        XCTAssertEqual(Array(try Warehouse(path: path).storedRegistries().units[1].name.utf8), Array(nfd.units[1].name.utf8))
        try wh.replaceRegistries(registries(hoanKiem: "Phường Hoàn Kiếm", phone: "0912345679"))
        XCTAssertEqual(try Warehouse(path: path).storedRegistries().contacts.contacts[0].phone, "0912345679")
        XCTAssertEqual(try Warehouse(path: path).storedRegistries().units[1].name, "Phường Hoàn Kiếm")
    }
}
