import XCTest
import ReportModel

final class ContactDirectoryTests: XCTestCase {
    func day(_ s: String) -> Day { Day(iso: s)! }

    func testPhoneKeys() {
        let k = ContactDirectory.phoneKey("0912345678")
        XCTAssertEqual(k, "0912345678")
        for written in ["+84 912 345 678", "0912.345.678", "0912345678", "84912345678", "0084 912 345 678",
                        "(+84) 912-345-678", " 0912 345 678 "] {
            XCTAssertEqual(ContactDirectory.phoneKey(written), k, written)
        }
        XCTAssertNotEqual(ContactDirectory.phoneKey("0912345679"), k)
        XCTAssertNil(ContactDirectory.phoneKey(""))
        XCTAssertNil(ContactDirectory.phoneKey(" - "))
    }

    func testEmailKeys() {
        XCTAssertEqual(ContactDirectory.emailKey("VanPhong.00008@DichVuCong.gov.vn "), "vanphong.00008@dichvucong.gov.vn")
        XCTAssertNil(ContactDirectory.emailKey("  "))
        // The ASCII fast path trims what trimmingSpaces trims, and a non-ASCII address is still case-folded.
        XCTAssertEqual(ContactDirectory.emailKey("\t A@B.VN\r\n"), "a@b.vn")
        XCTAssertEqual(ContactDirectory.emailKey("\u{00A0}Phòng.ĐT@X.VN"), "phòng.đt@x.vn")
        XCTAssertEqual(ContactDirectory.emailKey("ÂN@x.vn"), ContactDirectory.emailKey("ân@X.VN"))
    }

    let contacts = ContactDirectory(contacts: [
        ContactPoint(unitCode: "00070", fullName: "Nguyễn Quốc Thắng", title: "", phone: "0959672301",
                     email: "vanphong.00070@dichvucong.gov.vn", activeFrom: Day(iso: "2025-07-01"), activeTo: Day(iso: "2026-10-31")),
        ContactPoint(unitCode: "00070", fullName: "Trần Thu Hương", title: "", phone: "0918126361",
                     email: "motcua.00070@dichvucong.gov.vn", activeFrom: Day(iso: "2026-11-01"), activeTo: nil),
        ContactPoint(unitCode: "00070", fullName: "Lê Văn Cũ", title: "", phone: "0900000001",
                     email: "cu.00070@dichvucong.gov.vn", activeFrom: Day(iso: "2025-07-01"), activeTo: nil),
        ContactPoint(unitCode: "01", fullName: "Lê Thị Hà", title: "", phone: "0964146785",
                     email: "vanphong.01@dichvucong.gov.vn", activeFrom: Day(iso: "2025-07-01"), activeTo: nil),
    ])

    func testMatchesByPhoneOrEmailAsOfDate() {
        let d = day("2026-11-24")
        XCTAssertEqual(contacts.matches(email: nil, phone: "+84 918 126 361", on: d).map(\.fullName), ["Trần Thu Hương"])
        XCTAssertEqual(contacts.matches(email: "MOTCUA.00070@DichVuCong.gov.vn", phone: nil, on: d).map(\.fullName), ["Trần Thu Hương"])
        XCTAssertEqual(contacts.matches(email: "motcua.00070@dichvucong.gov.vn", phone: "0918.126.361", on: d).count, 1,
                       "one contact matched twice is one match")
        // Effective dating: the old contact ended 2026-10-31 (inclusive).
        XCTAssertEqual(contacts.matches(email: "vanphong.00070@dichvucong.gov.vn", phone: nil, on: d), [])
        XCTAssertEqual(contacts.matches(email: "vanphong.00070@dichvucong.gov.vn", phone: nil, on: day("2026-10-31")).count, 1)
        XCTAssertEqual(contacts.matches(email: nil, phone: "0918126361", on: day("2026-10-31")), [], "new contact starts 2026-11-01")
        XCTAssertEqual(contacts.matches(email: "nobody@example.com", phone: "0123", on: d), [])
        XCTAssertEqual(contacts.matches(email: "", phone: "", on: d), [])
    }

    func testContactOfPicksLatestActiveFrom() {
        XCTAssertEqual(contacts.contact(of: "00070", on: day("2026-11-24"))?.fullName, "Trần Thu Hương")
        // Before the change both older contacts are active with the same active_from: a stable choice, one of them.
        let before = contacts.contact(of: "00070", on: day("2026-10-15"))
        XCTAssertTrue(["Nguyễn Quốc Thắng", "Lê Văn Cũ"].contains(before?.fullName ?? ""))
        XCTAssertEqual(contacts.contact(of: "00070", on: day("2026-10-15")), before)
        XCTAssertNil(contacts.contact(of: "00070", on: day("2025-06-30")))
        XCTAssertNil(contacts.contact(of: "99999", on: day("2026-11-24")))
        XCTAssertEqual(contacts.contact(of: "01", on: day("2026-11-24"))?.email, "vanphong.01@dichvucong.gov.vn")
        // Order in the registry does not matter.
        let reversed = ContactDirectory(contacts: contacts.contacts.reversed())
        XCTAssertEqual(reversed.contact(of: "00070", on: day("2026-11-24"))?.fullName, "Trần Thu Hương")
        XCTAssertEqual(reversed.contact(of: "00070", on: day("2026-10-15")), before)
    }
}
