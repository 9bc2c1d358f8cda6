import CFuzzerDriver
import Foundation
import ReportCompression
@testable import ReportExport
import ReportIngest
import ReportModel

// libFuzzer entry point over the readers of bytes that come from outside (scripts/fuzz builds and runs it).
// One binary, the reader chosen by FUZZ_TARGET; a crash, a trap or an AddressSanitizer report is a finding.

/// The readers of untrusted bytes.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// CSV submissions (libcsv, line numbers, header matching), after text decoding as the pipeline does.
    case csv
    /// JSON submissions, after text decoding.
    case json
    /// Text decoding: BOM, UTF-16, CP1258, NFC (no gzip).
    case text
    /// zlib inflate of `.gz` submissions and archives.
    case gunzip
    /// The tar reader of `archive verify`.
    case tar
    /// A whole submission through `FileIngester` (decode, read, normalize against the sample registries).
    case ingest
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let t = FuzzTarget(rawValue: name) else {
        let all = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("FUZZ_TARGET=\(name) is none of: \(all)\n".utf8))
        exit(2)
    }
    return t
}()

/// A budget small enough that the fuzzer spends its time on structure, not on megabytes.
let sizeLimit = 1 << 20

/// The sample registries, for `ingest` (FUZZ_REGISTRIES names their folder).
let ingester: FileIngester? = {
    guard target == .ingest else { return nil }
    let dir = ProcessInfo.processInfo.environment["FUZZ_REGISTRIES"] ?? "SampleInputs/registries"
    do {
        let r = try RegistryLoader.load(.init(units: dir + "/units.csv", procedures: dir + "/procedures.csv",
                                              contacts: dir + "/contacts.csv", calendar: dir + "/calendar.csv"))
        return FileIngester(registries: r, sizeLimit: sizeLimit)
    } catch {
        FileHandle.standardError.write(Data("cannot load the registries for ingest: \(error)\n".utf8))
        exit(2)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .csv:
        if let text = try? TextDecoder(sizeLimit: sizeLimit).decode(bytes, name: "fuzz.csv") {
            _ = CSVReader().read(text, file: "fuzz.csv") { _ in }
        }
    case .json:
        if let text = try? TextDecoder(sizeLimit: sizeLimit).decode(bytes, name: "fuzz.json") {
            _ = JSONReader().read(text, file: "fuzz.json") { _ in }
        }
    case .text:
        _ = try? TextDecoder(sizeLimit: sizeLimit).decode(bytes, name: "fuzz.csv")
    case .gunzip:
        _ = try? Gunzip.inflate(bytes, limit: sizeLimit)
    case .tar:
        _ = try? TarReader.files(in: bytes, location: "fuzz.tar")
    case .ingest:
        // The first byte picks the file's type, so one corpus covers every reader.
        let names = ["f.csv", "f.json", "f.csv.gz", "f.json.gz"]
        let name = names[Int(bytes.first ?? 0) % names.count]
        _ = ingester!.ingest(Array(bytes.dropFirst()), file: name, receivedAt: Timestamp(seconds: 1_795_000_000))
    }
    return 0
}

@main
enum FuzzMain {
    /// Runs libFuzzer's driver with its usual arguments (corpus folders, -max_total_time=…).
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
