// swift-tools-version:6.0
import PackageDescription

// Modules are split by what they depend on (see docs/ARCHITECTURE.md):
// the core (ReportModel, ReportChecks) has no C library; ingest owns libcsv
// and zlib's inflate; the warehouse owns SQLite; export owns zlib's deflate and libxlsxwriter.
let package = Package(
    name: "dailyreports",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dailyreports", targets: ["dailyreports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C libraries from Debian (libcsv-dev, libsqlite3-dev, zlib1g-dev).
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // (Not "CZlib": ZIPFoundation's own zlib module has that name.)
        .systemLibrary(name: "CZlibShim", path: "Sources/CZlibShim"),
        // libxlsxwriter-dev: report.xlsx and provinces/NN.xlsx.
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter"),
        // libpq from Debian libpq-dev: only the optional PostgreSQL publication links it (docs/DECISIONS.md).
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres", pkgConfig: "libpq"),

        .target(name: "ReportModel"),
        // SHA-256 of submissions (ingest identifies files by it) and of archive members (export).
        .target(name: "ReportHashing", dependencies: ["ReportModel", .product(name: "Crypto", package: "swift-crypto")]),
        // zlib's inflate, shared by ingestion (submissions) and the archive reader.
        .target(name: "ReportCompression", dependencies: ["CZlibShim"]),
        // ZIPFoundation opens .xlsx workbooks; their XML is read by Foundation's streaming XMLParser.
        .target(name: "ReportIngest", dependencies: [
            "ReportModel", "ReportCompression", "CCSV",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "ReportChecks", dependencies: ["ReportModel"]),
        .target(name: "ReportWarehouse", dependencies: ["ReportModel", "CSQLite"]),
        .target(name: "ReportExport", dependencies: [
            "ReportModel", "ReportCompression", "ReportHashing", "CZlibShim", "CXLSXWriter",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Templates")]),
        // Publication to PostgreSQL for dashboards; nothing else depends on it.
        .target(name: "ReportPostgres", dependencies: ["ReportModel", "ReportWarehouse", "CPostgres"]),
        .target(name: "ReportPipeline", dependencies: [
            "ReportModel", "ReportIngest", "ReportChecks", "ReportWarehouse", "ReportExport", "ReportHashing",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "dailyreports", dependencies: [
            "ReportPipeline", "ReportPostgres", "ReportWarehouse",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"]),
        .testTarget(name: "ReportIngestTests", dependencies: ["ReportIngest", "ReportModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportChecksTests", dependencies: ["ReportChecks", "ReportModel"]),
        .testTarget(name: "ReportWarehouseTests", dependencies: ["ReportWarehouse", "ReportModel"]),
        .testTarget(name: "ReportExportTests", dependencies: ["ReportExport", "ReportModel", "ReportCompression", "ReportHashing"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ReportPipeline", "ReportModel", "ReportWarehouse", "ReportPostgres"],
                    exclude: ["Expected"]),
        .testTarget(name: "ReportPostgresTests", dependencies: ["ReportPostgres", "ReportWarehouse", "ReportModel"]),
    ]
)

// The libFuzzer target, only when scripts/fuzz builds it (DAILYREPORTS_FUZZ=1, with -sanitize=fuzzer,address):
// its main hands over to libFuzzer's driver, which an ordinary build does not link.
if Context.environment["DAILYREPORTS_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CFuzzerDriver", path: "Tests/Fuzz/CFuzzerDriver"),
        .executableTarget(name: "dailyreports-fuzz",
                          dependencies: ["CFuzzerDriver", "ReportIngest", "ReportCompression", "ReportExport", "ReportModel"],
                          path: "Tests/Fuzz/Entry"),
    ]
}
