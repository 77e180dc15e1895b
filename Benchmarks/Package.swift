// swift-tools-version:6.1
// Benchmarks live apart from the product (STYLE.md 15): each executable measures one area and
// reports ratios against a baseline measured in the same run (a raw C loop, the memory
// bandwidth, a peer). `make bench` builds these in release mode and runs them.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LineGuardBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "LineGuard", path: "..")
    ],
    targets: [
        // The C libraries again, for the raw C baselines (the product's own doors are internal).
        .systemLibrary(name: "CModbusSys", pkgConfig: "libmodbus"),
        .systemLibrary(name: "CSQLiteSys", pkgConfig: "sqlite3"),

        .target(name: "CSPCBaseline", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "CModbusBaseline", dependencies: ["CModbusSys"], cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "CStoreBaseline", dependencies: ["CSQLiteSys"], cSettings: [.unsafeFlags(["-O2"])]),

        .executableTarget(
            name: "spc-bench",
            dependencies: ["CSPCBaseline", .product(name: "SPC", package: "LineGuard")],
            swiftSettings: strict),
        .executableTarget(
            name: "modbus-bench",
            dependencies: [
                "CModbusBaseline",
                .product(name: "ModbusKit", package: "LineGuard"),
                .product(name: "LineModel", package: "LineGuard"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "store-bench",
            dependencies: [
                "CStoreBaseline",
                .product(name: "Store", package: "LineGuard"),
                .product(name: "LineModel", package: "LineGuard"),
            ],
            swiftSettings: strict),
        // The whole daemon (the release `lineguard` binary) against a farm of Modbus servers,
        // with the Python peer as baseline; reads the databases through CSQLiteSys.
        .executableTarget(
            name: "pipeline-bench",
            dependencies: ["CSQLiteSys", .product(name: "ModbusKit", package: "LineGuard")],
            swiftSettings: strict),
        // Merges every area's results/<area>.json into results/latest.json and prints the table.
        .executableTarget(name: "bench-report", swiftSettings: strict),
    ]
)
