import Foundation
import XCTest
import ReportHashing
import ReportModel
@testable import ReportExport

final class ArchiveTests: XCTestCase {
    /// A Vietnamese inbox path of exactly 120 UTF-8 bytes.
    static let vietnamesePath = "inbox/Thành phố Hà Nội/Phường Hoàn Kiếm/Báo cáo ngày 27-11-2026 của Ủy ban nhân dân phường 2.csv"

    private func sampleMembers() -> [ArchiveMember] {
        [
            ArchiveMember(name: "inbox/00070/report.csv", bytes: Array("report_date,unit_code\r\n2026-11-27,00070\r\n".utf8), mtime: 1_795_000_000),
            ArchiveMember(name: Self.vietnamesePath, bytes: Array("Ngày báo cáo;Mã đơn vị\n27/11/2026;70\n".utf8), mtime: 1_795_000_100),
            ArchiveMember(name: "inbox/nfd/Hoa\u{0300}.json", bytes: Array("{\"items\": []}".utf8), mtime: 1_795_000_200),
            ArchiveMember(name: "inbox/binary.csv.gz", bytes: (0..<5000).map { UInt8($0 % 251) }, mtime: 1_795_000_300),
            ArchiveMember(name: "inbox/empty.csv", bytes: [], mtime: 1_795_000_400),
        ]
    }

    func testVietnamesePathIs120Bytes() {
        XCTAssertEqual(Self.vietnamesePath.utf8.count, 120)
        XCTAssertFalse(Self.vietnamesePath.allSatisfy(\.isASCII))
    }

    func testTarExtractsItAndSha256sumChecksIt() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let members = sampleMembers()
        let manifest = Data("{\"report_date\":\"2026-11-27\",\"files\":5}\n".utf8)
        let url = dir.url.appendingPathComponent("2026-11-27.tar.gz")
        try ArchiveWriter.writeArchive(members: members, manifestJSON: manifest, to: url)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), ["2026-11-27.tar.gz"])

        let out = dir.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let extract = try runTool("/bin/tar", ["-xzf", url.path, "-C", out.path])
        XCTAssertEqual(extract.status, 0, extract.stderr)
        XCTAssertEqual(extract.stderr, "")
        for member in members {
            let data = FileManager.default.contents(atPath: out.appendingPathComponent(member.name).path)
            XCTAssertEqual(data, Data(member.bytes), member.name)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: out.appendingPathComponent("manifest.json").path), manifest)

        let check = try runTool("/usr/bin/sha256sum", ["-c", "--strict", "MANIFEST.sha256"], in: out)
        XCTAssertEqual(check.status, 0, check.stderr)
        let okLines = String(decoding: check.stdout, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(okLines.count, members.count + 1)
        XCTAssertTrue(okLines.allSatisfy { $0.hasSuffix(": OK") })

        // Tampering is caught by the same tool.
        try Data("tampered".utf8).write(to: out.appendingPathComponent("inbox/empty.csv"))
        XCTAssertNotEqual(try runTool("/usr/bin/sha256sum", ["-c", "MANIFEST.sha256"], in: out).status, 0)
    }

    func testReaderReturnsEveryMemberInOrder() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let members = sampleMembers()
        let manifest = Data("{}".utf8)
        let url = dir.url.appendingPathComponent("2026-11-27.tar.gz")
        try ArchiveWriter.writeArchive(members: members, manifestJSON: manifest, to: url)

        let read = try ArchiveReader.members(of: url)
        XCTAssertEqual(read.map(\.name), ["MANIFEST.sha256", "manifest.json"] + members.map(\.name))
        XCTAssertEqual(Array(read[0].bytes), ArchiveWriter.checksumFile(for: members + [
            ArchiveMember(name: "manifest.json", bytes: Array(manifest), mtime: 0)]))
        XCTAssertEqual(read[1].bytes, Array(manifest))
        for (member, got) in zip(members, read.dropFirst(2)) {
            XCTAssertEqual(Array(got.name.utf8), Array(member.name.utf8))  // NFD kept byte for byte
            XCTAssertEqual(got.bytes, member.bytes)
        }
        let manifestText = String(decoding: read[0].bytes, as: UTF8.self)
        XCTAssertTrue(manifestText.contains("\(SHA256Hex.hex(of: members[1].bytes))  \(Self.vietnamesePath)\n"))
    }

    func testReaderReadsAnArchiveMadeByGNUTar() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let source = dir.url.appendingPathComponent("src")
        let file = source.appendingPathComponent(Self.vietnamesePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("gnu".utf8).write(to: file)
        let url = dir.url.appendingPathComponent("gnu.tar.gz")
        let made = try runTool("/bin/tar", ["--format=pax", "-czf", url.path, "-C", source.path, Self.vietnamesePath])
        XCTAssertEqual(made.status, 0, made.stderr)
        let read = try ArchiveReader.members(of: url)
        XCTAssertEqual(read.map(\.name), [Self.vietnamesePath])
        XCTAssertEqual(read.first?.bytes, Array("gnu".utf8))
    }

    func testReaderRejectsACorruptArchive() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("bad.tar.gz")
        try AtomicFile.write(try GzipWriter.compress(Array(repeating: 0x41, count: 2048)), to: url)
        XCTAssertThrowsError(try ArchiveReader.members(of: url)) { error in
            XCTAssertEqual((error as? ReportError)?.code, .dataError)
        }
        try AtomicFile.write(Array("not gzip".utf8), to: url)
        XCTAssertThrowsError(try ArchiveReader.members(of: url)) { error in
            XCTAssertEqual((error as? ReportError)?.code, .dataError)
        }
    }

    func testUnsafeOrDuplicateNamesAreRefused() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("x.tar.gz")
        for name in ["../escape.csv", "/etc/passwd", "a/../../b", "a//b", "", "manifest.json", "a/./b", "../\u{0301}x"] {
            XCTAssertThrowsError(try ArchiveWriter.writeArchive(
                members: [ArchiveMember(name: name, bytes: [1], mtime: 0)], manifestJSON: Data(), to: url), name)
        }
        let twice = [ArchiveMember(name: "a.csv", bytes: [1], mtime: 0), ArchiveMember(name: "a.csv", bytes: [2], mtime: 0)]
        XCTAssertThrowsError(try ArchiveWriter.writeArchive(members: twice, manifestJSON: Data(), to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testNamesWithBackslashOrNewlineStillCheck() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let members = [ArchiveMember(name: "odd\\name.csv", bytes: [1, 2], mtime: 0),
                       ArchiveMember(name: "two\nlines.csv", bytes: [3], mtime: 0)]
        let url = dir.url.appendingPathComponent("odd.tar.gz")
        try ArchiveWriter.writeArchive(members: members, manifestJSON: Data("{}".utf8), to: url)
        let extract = try runTool("/bin/tar", ["-xzf", url.path, "-C", dir.url.path])
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let check = try runTool("/usr/bin/sha256sum", ["-c", "--strict", "MANIFEST.sha256"], in: dir.url)
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testSHA256HexMatchesKnownVectors() {
        XCTAssertEqual(SHA256Hex.hex(of: [UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Hex.hex(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
