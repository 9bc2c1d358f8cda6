import Foundation
import ReportIngest
import XCTest

/// The registries built into the program are SampleInputs/registries/ (rerun scripts/embed-registries).
final class BuiltInRegistriesTests: XCTestCase {
    func testBuiltInRegistriesAreTheSampleRegistries() throws {
        for name in ["units", "procedures", "calendar"] {
            let file = try Data(contentsOf: registriesDir.appendingPathComponent("\(name).csv"))
            XCTAssertEqual(BuiltInRegistries.contents("builtin:\(name).csv"), file,
                           "\(name).csv differs from the built-in copy: run scripts/embed-registries")
        }
        let loaded = try RegistryLoader.load(BuiltInRegistries.paths)
        XCTAssertEqual(loaded.directory.unit(code: "00070", on: .init(year: 2026, month: 11, day: 27)!)?.name, "Phường Hoàn Kiếm")
    }
}
