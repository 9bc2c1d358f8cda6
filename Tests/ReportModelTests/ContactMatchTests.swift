import XCTest
import ReportModel

final class ContactMatchTests: XCTestCase {
    let directory = ContactDirectory(contacts: [
        ContactPoint(unitCode: "00070", fullName: "Nguyễn Quốc Thắng", title: "", phone: "0959672301",
                     email: "vanphong.00070@dichvucong.gov.vn", activeFrom: Day(iso: "2025-07-01"), activeTo: Day(iso: "2026-10-31")),
        ContactPoint(unitCode: "00070", fullName: "Trần Thu Hương", title: "", phone: "0918126361",
                     email: "motcua.00070@dichvucong.gov.vn", activeFrom: Day(iso: "2026-11-01"), activeTo: nil),
        // One person registered for a commune and its province, through the same phone.
        ContactPoint(unitCode: "00071", fullName: "Lê Văn Hai", title: "", phone: "0900000002",
                     email: "hai.00071@dichvucong.gov.vn", activeFrom: nil, activeTo: nil),
        ContactPoint(unitCode: "01", fullName: "Lê Văn Hai", title: "", phone: "0900000002",
                     email: "hai.01@dichvucong.gov.vn", activeFrom: nil, activeTo: nil),
    ])

    func testAgreesWithFilteringMatches() {
        let reporters: [(email: String?, phone: String?)] = [
            ("MOTCUA.00070@DichVuCong.gov.vn", nil), (nil, "+84 918 126 361"), (nil, "0084918126361"),
            ("vanphong.00070@dichvucong.gov.vn", nil), (nil, "0959.672.301"),
            ("nobody@example.com", "+84 900 000 002"), ("hai.01@dichvucong.gov.vn", "0999999999"),
            ("nobody@example.com", "0123"), (nil, nil), ("", ""),
        ]
        let accepting: [(name: String, accepts: (String) -> Bool)] = [
            ("any", { _ in true }), ("00070", { $0 == "00070" }), ("01", { $0 == "01" }), ("none", { _ in false }),
        ]
        var answers: [Bool: Int] = [:]
        for day in ["2026-10-31", "2026-11-24"].map({ Day(iso: $0)! }) {
            for r in reporters {
                for a in accepting {
                    let expected = !directory.matches(email: r.email, phone: r.phone, on: day).filter { a.accepts($0.unitCode) }.isEmpty
                    let got = directory.isContact(email: r.email, phone: r.phone, on: day, of: a.accepts)
                    XCTAssertEqual(got, expected, "\(r) on \(day.iso), accepting \(a.name)")
                    answers[got, default: 0] += 1
                }
            }
        }
        // Both answers occur, so agreement is not two constant answers.
        XCTAssertGreaterThan(answers[true] ?? 0, 0)
        XCTAssertGreaterThan(answers[false] ?? 0, 0)
    }

    func testActiveDatesAndPhoneForms() {
        let after = Day(iso: "2026-11-24")!, before = Day(iso: "2026-10-31")!
        let unit70: (String) -> Bool = { $0 == "00070" }
        XCTAssertTrue(directory.isContact(email: nil, phone: "+84 918 126 361", on: after, of: unit70))
        XCTAssertFalse(directory.isContact(email: nil, phone: "+84 918 126 361", on: before, of: unit70), "not yet in force")
        XCTAssertTrue(directory.isContact(email: "vanphong.00070@dichvucong.gov.vn", phone: nil, on: before, of: unit70))
        XCTAssertFalse(directory.isContact(email: "vanphong.00070@dichvucong.gov.vn", phone: nil, on: after, of: unit70),
                       "ended 2026-10-31")
        // An email of another unit does not stop the phone from matching the accepted unit.
        XCTAssertTrue(directory.isContact(email: "hai.00071@dichvucong.gov.vn", phone: "84900000002", on: after, of: { $0 == "01" }))
        XCTAssertFalse(directory.isContact(email: "hai.00071@dichvucong.gov.vn", phone: nil, on: after, of: { $0 == "01" }))
    }
}
