import Foundation
import XCTest

/// A fresh directory under the system temp folder, removed by `remove()`.
struct TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ReportExportTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The outcome of running a real tool.
struct ToolRun {
    let status: Int32
    let stdout: Data
    let stderr: String
}

/// Runs `executable` with `arguments` in `directory`, feeding it `input`; output goes through files.
func runTool(_ executable: String, _ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> ToolRun {
    let scratch = try TempDirectory()
    defer { scratch.remove() }
    let inURL = scratch.url.appendingPathComponent("in")
    let outURL = scratch.url.appendingPathComponent("out")
    let errURL = scratch.url.appendingPathComponent("err")
    try (input ?? Data()).write(to: inURL)
    try Data().write(to: outURL)
    try Data().write(to: errURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let inHandle = try FileHandle(forReadingFrom: inURL)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
    process.standardInput = inHandle
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    return ToolRun(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}
