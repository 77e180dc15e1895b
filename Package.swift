// swift-tools-version:6.1
import PackageDescription

/// Strict flags for every Swift target (see ../shared/STYLE.md).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LineGuard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lineguard", targets: ["lineguard"]),
        // Libraries for the separate Benchmarks package; the product is the executable.
        .library(name: "SPC", targets: ["SPC"]),
        .library(name: "ModbusKit", targets: ["ModbusKit"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "LineModel", targets: ["LineModel"]),
        // For the Fuzz package (its targets reach the configuration loader and the control API).
        .library(name: "Daemon", targets: ["Daemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // C stays behind one door each: system libraries found through pkg-config.
        .systemLibrary(
            name: "CModbus", pkgConfig: "libmodbus",
            providers: [.apt(["libmodbus-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        .target(name: "LineModel", swiftSettings: strict),
        .target(name: "SPC", swiftSettings: strict),
        // Control charts as SVG pictures, shared by the CLI and the dashboard (pure, no I/O).
        .target(name: "Charts", dependencies: ["SPC", "LineModel"], swiftSettings: strict),
        .target(
            name: "ModbusKit",
            dependencies: ["CModbus", "LineModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "Store",
            dependencies: ["CSQLite", "LineModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "Simulator",
            dependencies: [
                "ModbusKit", "LineModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),
        .target(
            name: "Daemon",
            dependencies: [
                "LineModel", "SPC", "ModbusKit", "Store", "Simulator", "Charts",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // config/demo.toml and the filling scenarios, the reference line with its generated
            // configuration and the demo's scenario mix, compiled in (the files in Resources/ are
            // links to them), so that `lineguard demo` needs nothing but the executable.
            resources: [
                .embedInCode("Resources/demo.toml"),
                .embedInCode("Resources/filling-nozzle-step.toml"),
                .embedInCode("Resources/filling-baseline.toml"),
                .embedInCode("Resources/reference-line.toml"),
                .embedInCode("Resources/reference-line.lineguard.toml"),
                .embedInCode("Resources/demo-mix.toml"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "lineguard",
            dependencies: [
                "Daemon", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict),

        .testTarget(name: "LineModelTests", dependencies: ["LineModel"], swiftSettings: strict),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "SPC", "LineModel"], swiftSettings: strict),
        .testTarget(name: "SPCTests", dependencies: ["SPC"], swiftSettings: strict),
        .testTarget(name: "ModbusKitTests", dependencies: ["ModbusKit", "LineModel"], swiftSettings: strict),
        .testTarget(
            name: "StoreTests", dependencies: ["Store", "LineModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "ModbusKit", "LineModel"], swiftSettings: strict),
        .testTarget(
            name: "DaemonTests", dependencies: ["Daemon", "Store", "LineModel", "SPC", "ModbusKit", "Simulator"],
            swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["Store", "LineModel", "ModbusKit", .product(name: "Logging", package: "swift-log")],
            exclude: ["Dashboard/screenshot.sh"],
            swiftSettings: strict),
    ]
)
