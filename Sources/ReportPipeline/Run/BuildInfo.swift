import Foundation

/// Which build this is, for `--version`, the run log, `summary.json` and the metrics file.
///
/// The version and the contract version are in the source. The commit and the build date come from
/// `dailyreports.build-info` beside the binary (written by `scripts/build-release` at build time); without that
/// file (a plain `swift build` in a clean clone), from `git describe` in the checkout the binary sits in and the
/// binary's own modification time (when it was linked), marked as read at run time.
public struct BuildInfo: Sendable, Equatable {
    public static let name = "dailyreports"
    /// This program's version (semantic versioning; bump it when a release changes behaviour).
    public static let version = "1.2.0"
    /// The version of the daily report contract it implements (`/shared/spec/daily-report-contract.md`).
    public static let contractVersion = "1.1"

    public var commit: String
    public var buildDate: String
    /// Where commit and date were read: `build-info` (stamped at build time), `git` (at run time) or `unknown`.
    public var source: String

    /// `1.2.0 (abc1234)`: what the run log, `summary.json` and the metrics record.
    public var short: String { "\(Self.version) (\(commit))" }

    /// The lines `--version` prints.
    public var lines: [String] {
        ["\(Self.name) \(Self.version)", "commit: \(commit)" + (source == "git" ? " (read from the checkout at run time)" : ""),
         "built: \(buildDate)", "contract: v\(Self.contractVersion)"]
    }

    /// This binary's, worked out once.
    public static let current: BuildInfo = {
        let binary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                         ?? CommandLine.arguments[0]).standardized
        return read(binary: binary)
    }()

    /// The build info of the binary at `binary`: its stamp file, else git and its modification time.
    static func read(binary: URL) -> BuildInfo {
        let stamp = binary.deletingLastPathComponent().appendingPathComponent("dailyreports.build-info")
        let linked = modified(binary.path)
        // A stamp older than the binary belongs to an earlier build.
        if let stamped = modified(stamp.path), linked.map({ stamped >= $0 }) ?? true,
           let text = try? String(contentsOf: stamp, encoding: .utf8) {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let eq = line.firstIndex(of: "=") else { continue }
                fields[String(line[..<eq])] = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            }
            if let commit = fields["commit"], let date = fields["build_date"] {
                return BuildInfo(commit: commit, buildDate: date, source: "build-info")
            }
        }
        let built = linked.map { ISO8601DateFormatter().string(from: $0) } ?? "unknown"
        if let commit = git(["describe", "--always", "--dirty", "--abbrev=12"], in: binary.deletingLastPathComponent()) {
            return BuildInfo(commit: commit, buildDate: built, source: "git")
        }
        return BuildInfo(commit: "unknown", buildDate: built, source: "unknown")
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// `git ARGS` run in `folder`, its first output line; nil when git or the checkout is missing.
    static func git(_ arguments: [String], in folder: URL) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["-C", folder.path] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return line?.isEmpty == false ? line : nil
    }
}
