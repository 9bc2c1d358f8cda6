import Foundation
import XCTest
import ReportIngest
import ReportModel

/// Property tests of the name normalizer (NameKey + UnitDirectory.lookup(name:on:)) over the real
/// 3,355-unit registry. Expectations are computed here, independently of NameKey.
final class NameNormalizerPropertyTests: XCTestCase {
    let day = Day(iso: "2026-11-27")!
    var directory: UnitDirectory { sampleRegistries.directory }
    var units: [ReportModel.Unit] { sampleRegistries.units }

    /// Pairs of new ↔ old tone placement.
    static let tonePairs: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]
    /// Each pair in lower case, capitalized, and upper case.
    static let toneSwaps: [(String, String)] = tonePairs.flatMap { a, b -> [(String, String)] in
        func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        return [(a, b), (cap(a), cap(b)), (a.uppercased(), b.uppercased())]
    }

    /// Moves the tone mark between the two vowels of every pair (new ↔ old placement), in NFC.
    static func swapTonePlacement(_ s: String) -> String {
        var out = ""
        var rest = Substring(s.precomposedStringWithCanonicalMapping)
        outer: while !rest.isEmpty {
            for (a, b) in toneSwaps {
                if rest.hasPrefix(a) { out += b; rest = rest.dropFirst(a.count); continue outer }
                if rest.hasPrefix(b) { out += a; rest = rest.dropFirst(b.count); continue outer }
            }
            out.append(rest.removeFirst())
        }
        return out
    }

    /// Moves every tone to the new placement: the form names are compared in.
    static func newPlacement(_ s: String) -> String {
        var out = s.precomposedStringWithCanonicalMapping.lowercased()
        for (new, old) in tonePairs { out = out.replacingOccurrences(of: old, with: new) }
        return out
    }

    static let kindPrefixes = ["thành phố", "đặc khu", "phường", "tỉnh", "xã"]

    /// The name without its kind prefix (an independent string split, not NameKey).
    static func bare(_ name: String, kind: String? = nil) -> (kind: String?, bare: String) {
        // Some registry names carry two spaces after the prefix (`Xã  Xuân Giang`): spaces are collapsed first.
        let n = name.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        let lower = n.lowercased()
        if lower.hasPrefix("tp.") { return ("thành phố", String(n.dropFirst(3)).trimmingCharacters(in: .whitespaces)) }
        for k in (kind.map { [$0] } ?? []) + kindPrefixes where lower.hasPrefix(k + " ") {
            return (k, String(n.dropFirst(k.count + 1)))
        }
        return (nil, n)
    }

    /// A comparison key for bare names: NFC, lower case, new tone placement, single spaces.
    static func key(_ s: String) -> String {
        newPlacement(s).split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    struct Index {
        /// bare key → unit codes having it as name or alias.
        var byBare: [String: Set<String>] = [:]
        /// (kind, bare key) → unit codes.
        var byKindBare: [String: Set<String>] = [:]
    }

    lazy var index: Index = {
        var ix = Index()
        for u in units {
            let (_, b) = Self.bare(u.name, kind: u.kind)
            ix.byBare[Self.key(b), default: []].insert(u.code)
            ix.byKindBare[u.kind + "|" + Self.key(b), default: []].insert(u.code)
            for a in u.aliases {
                let (k, ab) = Self.bare(a)
                ix.byBare[Self.key(ab), default: []].insert(u.code)
                ix.byKindBare[(k ?? u.kind) + "|" + Self.key(ab), default: []].insert(u.code)
            }
        }
        return ix
    }()

    func resolved(_ name: String) -> String? {
        if case .unit(let u) = directory.lookup(name: name, on: day) { return u.code }
        return nil
    }

    func testConverterItself() {
        XCTAssertEqual(Self.swapTonePlacement("Hòa Bình"), "Hoà Bình")
        XCTAssertEqual(Self.swapTonePlacement("Hoà Bình"), "Hòa Bình")
        XCTAssertEqual(Self.swapTonePlacement("Thủy Xuân"), "Thuỷ Xuân")
        XCTAssertEqual(Self.swapTonePlacement("THUỶ"), "THỦY")
        XCTAssertEqual(Self.swapTonePlacement("Khoé Òa"), "Khóe Oà")
        XCTAssertEqual(Self.bare("Thành phố Huế", kind: "thành phố").bare, "Huế")
        XCTAssertEqual(Self.bare("TP.HCM").bare, "HCM")
        XCTAssertEqual(units.count, 3355)
    }

    /// Every unit whose bare name no other unit shares resolves, in every spelling, to exactly that unit.
    func testUniqueNamesResolveInEveryVariant() {
        var failures: [String] = []
        var checked = 0, withToneVariant = 0
        for u in units {
            let (kind, b) = Self.bare(u.name, kind: u.kind)
            XCTAssertEqual(kind, u.kind, "\(u.code) \(u.name) starts with its kind")
            guard index.byBare[Self.key(b)] == [u.code] else { continue }
            checked += 1
            var variants: [(String, String)] = [
                ("registered", u.name),
                ("upper", u.name.uppercased()),
                ("lower", u.name.lowercased()),
                ("NFD", u.name.decomposedStringWithCanonicalMapping),
                ("NFD upper", u.name.uppercased().decomposedStringWithCanonicalMapping),
                ("old/new tone", Self.swapTonePlacement(u.name)),
                ("old/new tone NFD", Self.swapTonePlacement(u.name).decomposedStringWithCanonicalMapping),
                ("no prefix", b),
                ("no prefix, lower", b.lowercased()),
                ("no prefix, old/new tone", Self.swapTonePlacement(b)),
                ("extra spaces", "  " + u.name.split(separator: " ").joined(separator: "   ") + " "),
                ("tabs and no-break spaces", u.name.replacingOccurrences(of: " ", with: "\u{00A0}") + "\t"),
            ]
            if Self.swapTonePlacement(u.name) != u.name { withToneVariant += 1 }
            if u.kind == "thành phố" {
                variants.append(("TP.", "TP. " + b))
                variants.append(("TP. no space", "TP." + b))
                variants.append(("tp lower", "tp " + b.lowercased()))
            }
            for (label, v) in variants {
                let got = directory.lookup(name: v, on: day)
                if case .unit(let r) = got, r.code == u.code { continue }
                failures.append("\(u.code) \(u.name) [\(label)] \"\(v)\" → \(got)")
            }
        }
        XCTAssertGreaterThan(checked, 1500, "most names are unique")
        XCTAssertGreaterThan(withToneVariant, 50, "the tone converter must apply to many names")
        XCTAssertEqual(failures.count, 0, "\(failures.count) failures, first ones:\n" + failures.prefix(30).joined(separator: "\n"))
    }

    /// With its kind prefix, a unit resolves whenever no other unit has that kind and bare name, even if the bare name is shared.
    func testPrefixDecidesSharedNames() {
        var failures: [String] = []
        var checked = 0
        for u in units {
            let (_, b) = Self.bare(u.name, kind: u.kind)
            guard index.byBare[Self.key(b)]!.count > 1, index.byKindBare[u.kind + "|" + Self.key(b)] == [u.code] else { continue }
            checked += 1
            for v in [u.name, u.name.uppercased(), Self.swapTonePlacement(u.name).decomposedStringWithCanonicalMapping] {
                if resolved(v) != u.code { failures.append("\(u.code) \"\(v)\" → \(directory.lookup(name: v, on: day))") }
            }
        }
        XCTAssertGreaterThan(checked, 10)
        XCTAssertEqual(failures, [])
    }

    /// A bare name two or more units share never resolves: it is unknown, never guessed.
    func testSharedNamesNeverResolve() {
        var failures: [String] = []
        var shared = 0
        var sharedWithKind = 0
        for (k, codes) in index.byBare where codes.count > 1 {
            shared += 1
            // Spell the bare name as a registry unit writes it.
            guard let u = units.first(where: { codes.contains($0.code) && Self.key(Self.bare($0.name, kind: $0.kind).bare) == k })
            else { continue }
            let b = Self.bare(u.name, kind: u.kind).bare
            for v in [b, b.uppercased(), Self.swapTonePlacement(b), b.decomposedStringWithCanonicalMapping] {
                let got = directory.lookup(name: v, on: day)
                if case .unknown = got { continue }
                failures.append("\"\(v)\" (units \(codes.sorted())) → \(got)")
            }
            // With a prefix shared by two units of that kind, still unknown.
            if (index.byKindBare[u.kind + "|" + k]?.count ?? 0) > 1 {
                sharedWithKind += 1
                let got = directory.lookup(name: u.name, on: day)
                if case .unknown = got {} else { failures.append("\"\(u.name)\" → \(got)") }
            }
        }
        XCTAssertGreaterThan(shared, 100, "hundreds of communes share a name")
        XCTAssertGreaterThan(sharedWithKind, 50)
        XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
    }

    func testAliasesAndPrefixes() {
        XCTAssertEqual(resolved("Tỉnh Hòa Bình"), "25")
        XCTAssertEqual(resolved("Tỉnh Hoà Bình"), "25")
        XCTAssertEqual(resolved("TỈNH HÒA BÌNH"), "25")
        XCTAssertEqual(resolved("Tinh Hoa Binh"), "25")
        XCTAssertEqual(resolved("Tỉnh Vĩnh Phúc"), "25")
        for v in ["Xã Hòa Bình", "Xã Hoà Bình", "Phường Hòa Bình", "Hòa Bình", "Xa Hoa Binh", "Hoa Binh"] {
            XCTAssertNotEqual(resolved(v), "25", v)
            if case .unknown = directory.lookup(name: v, on: day) {} else { XCTFail("\(v) fits several units") }
        }
        XCTAssertEqual(resolved("TP.HCM"), "79")
        XCTAssertEqual(resolved("tp.hcm"), "79")
        XCTAssertEqual(resolved("TP. Hồ Chí Minh"), "79")
        XCTAssertEqual(resolved("Thành phố Hồ Chí Minh"), "79")
        XCTAssertEqual(resolved("Tỉnh Bà Rịa - Vũng Tàu"), "79")
        XCTAssertEqual(resolved("Thừa Thiên Huế"), "46")
        XCTAssertEqual(resolved("Thành phố Huế"), "46")
        XCTAssertEqual(resolved("TP. Huế"), "46")
        XCTAssertEqual(resolved("Thành phố Hà Nội"), "01")
        XCTAssertEqual(resolved("Hà Nội"), "01")
        XCTAssertEqual(resolved("Phường Kim Long"), "19810")
        XCTAssertEqual(resolved("Xã Kim Long"), "26608")
        XCTAssertNil(resolved("Kim Long"))
        XCTAssertNil(resolved("Xã Tân Phú"), "five communes")
        XCTAssertNil(resolved("Xã Hoàn Kiếm"), "the prefix does not fit: 00070 is a phường")
        XCTAssertNil(resolved("Tỉnh Hoàn Kiếm"))
    }

    func testDiacriticsFreeFallback() {
        XCTAssertEqual(resolved("Phuong Hoan Kiem"), "00070")
        XCTAssertEqual(resolved("PHUONG HOAN KIEM"), "00070")
        XCTAssertEqual(resolved("Hoan Kiem"), "00070")
        XCTAssertEqual(resolved("Phuong Thuy Xuan"), "19813")
        // Unique by loose key, for many units: the loose key found independently (diacritics dropped, đ → d).
        func ascii(_ s: String) -> String {
            String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !(0x0300...0x036F).contains($0.value) }.map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : $0 }))
        }
        var byLoose: [String: Set<String>] = [:]
        var exactKeys = Set<String>()
        for u in units {
            for n in [u.name] + u.aliases {
                let b = Self.bare(n, kind: n == u.name ? u.kind : nil).bare
                byLoose[ascii(b).lowercased(), default: []].insert(u.code)
                exactKeys.insert(Self.key(b))
            }
        }
        var failures: [String] = []
        var checked = 0
        for u in units {
            let b = Self.bare(u.name, kind: u.kind).bare
            let plain = ascii(b)
            guard byLoose[plain.lowercased()] == [u.code], !exactKeys.contains(Self.key(plain)) else { continue }
            checked += 1
            for v in [plain, ascii(u.name), plain.uppercased()] where resolved(v) != u.code {
                failures.append("\(u.code) \"\(v)\" → \(directory.lookup(name: v, on: day))")
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
        // A diacritics-free spelling that fits several units is never guessed.
        XCTAssertNil(resolved("Kim Long"))
        XCTAssertNil(resolved("Tan Phu"))
    }

    func testBareNameStartingWithAPrefixWord() {
        XCTAssertEqual(resolved("Xa Dung"), "03208")
        XCTAssertEqual(resolved("xa dung"), "03208")
        XCTAssertEqual(resolved("Xã Xa Dung"), "03208")
        XCTAssertEqual(resolved("Phuong Liet"), "00352")
        XCTAssertEqual(resolved("Phuong Duc"), "10279")
        XCTAssertEqual(resolved("Phuong Tien"), "05563")
        XCTAssertEqual(resolved("Phuong Son"), "07612")
        XCTAssertEqual(resolved("Phuong Lieu"), "09265")
        XCTAssertEqual(resolved("Tinh Tuc"), "01729")
        XCTAssertEqual(resolved("Tinh Gia"), "16561")
        XCTAssertEqual(resolved("Tinh Khe"), "21211")
    }

    func testBareNameStartingWithAPrefixWordWithPrefixWorks() {
        XCTAssertEqual(resolved("Xã Xa Dung"), "03208")
        XCTAssertEqual(resolved("Xa Xa Dung"), "03208")
        XCTAssertEqual(resolved("Phuong Phuong Liet"), "00352")
        XCTAssertEqual(resolved("Phường Phương Liệt"), "00352")
        XCTAssertEqual(resolved("Phương Liệt"), "00352")
    }

    func testInactiveBeforeTheReform() {
        if case .inactive = directory.lookup(name: "Phường Hoàn Kiếm", on: Day(iso: "2025-06-30")!) {} else { XCTFail() }
        if case .inactive = directory.lookup(code: "00070", level: .commune, on: Day(iso: "2025-06-30")!) {} else { XCTFail() }
    }
}
