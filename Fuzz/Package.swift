// swift-tools-version:6.1
// Fuzzing lives apart from the product, like the benchmarks: each executable is a libFuzzer
// target (`@_cdecl("LLVMFuzzerTestOneInput")`, started by `LLVMFuzzerRunDriver` from its
// `main.swift`), built with `-Xswiftc -sanitize=fuzzer` by `run.sh`, which `make fuzz` and CI
// call. Each target checks real invariants and traps when one is violated. Without
// `-sanitize=fuzzer` the targets do not link (the driver comes from libFuzzer).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LineGuardFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "LineGuard", path: "..")
    ],
    targets: [
        // libFuzzer's driver entry point (compiler-rt), declared for Swift.
        .target(name: "CLibFuzzer"),
        // The driver call, the input cursor and the invariant check shared by the targets.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: strict),
        // Register decoding for every type and order, scale/offset, and the request planner.
        .executableTarget(
            name: "fuzz-decode",
            dependencies: [
                "FuzzSupport",
                .product(name: "ModbusKit", package: "LineGuard"),
                .product(name: "LineModel", package: "LineGuard"),
            ],
            swiftSettings: strict),
        // The configuration loader on arbitrary TOML text.
        .executableTarget(
            name: "fuzz-config",
            dependencies: [
                "FuzzSupport",
                .product(name: "Daemon", package: "LineGuard"),
                .product(name: "ModbusKit", package: "LineGuard"),
                .product(name: "LineModel", package: "LineGuard"),
            ],
            swiftSettings: strict),
        // The CSV reader of `lineguard analyze` and the analysis that reads its columns.
        .executableTarget(
            name: "fuzz-csv",
            dependencies: [
                "FuzzSupport",
                .product(name: "Daemon", package: "LineGuard"),
                .product(name: "SPC", package: "LineGuard"),
            ],
            swiftSettings: strict),
        // The control API's request bodies and path parameters.
        .executableTarget(
            name: "fuzz-control",
            dependencies: ["FuzzSupport", .product(name: "Daemon", package: "LineGuard")],
            swiftSettings: strict),
    ]
)
