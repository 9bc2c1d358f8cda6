import ReportChecks
import ReportModel
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The outlier rule on a simulated national month and a half (see NationalSimulation): recall of planted spikes
/// and false flags on clean unit-days, asserted; the time of a full national Checks.run, printed.
/// `scripts/measure-outliers` runs the same simulation in a release build.
final class OutlierMeasurementTests: XCTestCase {
    func testRecallAndFalseFlagsOnSimulatedNationalData() {
        let started = clock()
        let simulation = NationalSimulation()
        let generated = clock()
        let m = simulation.measure(lastDays: 10)
        let measured = clock()

        let t = simulation.days.count - 1
        let rows = simulation.reports[t].units.values.reduce(0) { $0 + $1.count }
        let before = clock()
        _ = simulation.run(day: t)
        let after = clock()

        func seconds(_ a: clock_t, _ b: clock_t) -> String {
            String(Double(b - a) / Double(CLOCKS_PER_SEC)).prefix(6) + " s"
        }
        print("""
            outlier measurement (debug build unless built with -c release):
              simulated \(simulation.unitCodes.count) units × \(rows / simulation.unitCodes.count) procedures × \
            \(simulation.days.count) report days in \(seconds(started, generated))
              planted spikes in the last 10 days: \(m.planted), found \(m.found): recall \(m.recall)
              clean unit-days: \(m.cleanUnitDays), with an outlier flag: \(m.flaggedCleanUnitDays): \
            false-flag rate \(m.falseFlagRate)
              other findings (balance, repeated, unregistered): \(m.otherFindings)
              10 days checked in \(seconds(generated, measured)); one national day (\(rows) rows, 28-day history): \
            Checks.run \(seconds(before, after))
            """)
        XCTAssertGreaterThanOrEqual(m.recall, 0.9)
        XCTAssertLessThanOrEqual(m.falseFlagRate, 0.01)
        XCTAssertGreaterThan(m.planted, 1000)
    }
}
