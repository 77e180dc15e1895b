import Foundation
import LineModel
import Logging
@testable import Store

/// A temporary directory with a fresh database path, removed when the test ends.
final class TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("lineguard.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}

enum Fixtures {
    static let logger = Logger(label: "lineguard.store.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static let coatingWeight = CharacteristicID("coating.weight")
    static let slitBurr = CharacteristicID("slitting.burr")
    static let fillWeight = CharacteristicID("filling.fill_weight.n3")

    static func line(coatingUSL: Double = 21.0) -> LineDescription {
        LineDescription(name: "line-1", stations: [
            StationDescription(
                name: "coating", lotKind: .coatedRoll,
                devices: [DeviceDescription(name: "coater-plc", endpoint: "127.0.0.1:1502", unit: 1)],
                characteristics: [
                    CharacteristicDescription(
                        id: coatingWeight, station: "coating", device: "coater-plc", equipment: nil, unit: "mg/cm2",
                        spec: SpecLimits(lsl: 19.0, usl: coatingUSL, target: 20.0), defectCodeLow: "COAT.WEIGHT_LOW",
                        defectCodeHigh: "COAT.WEIGHT_HIGH", severity: .major, chart: "ewma"),
                ]),
            StationDescription(
                name: "slitting", lotKind: .slitReel,
                devices: [DeviceDescription(name: "slitter-plc", endpoint: "127.0.0.1:1503", unit: 1)],
                characteristics: [
                    CharacteristicDescription(
                        id: slitBurr, station: "slitting", device: "slitter-plc", equipment: "knife-1", unit: "um",
                        spec: SpecLimits(usl: 10), defectCodeLow: "SLIT.BURR_LOW", defectCodeHigh: "SLIT.BURR",
                        severity: .critical, chart: "imr"),
                ]),
            StationDescription(
                name: "filling", lotKind: .cellBatch,
                devices: [DeviceDescription(name: "filler-plc", endpoint: "127.0.0.1:1504", unit: 3)],
                characteristics: [
                    CharacteristicDescription(
                        id: fillWeight, station: "filling", device: "filler-plc", equipment: "nozzle-3", unit: "g",
                        spec: SpecLimits(lsl: 76.8, usl: 79.2, target: 78), defectCodeLow: "FILL.UNDER",
                        defectCodeHigh: "FILL.OVER", severity: .major, chart: "imr"),
                ]),
        ])
    }

    static func time(_ wall: Double) -> SampleTime {
        SampleTime(wall: wall, monotonicNanos: UInt64(wall * 1e9))
    }

    static func sample(_ id: CharacteristicID, _ value: Double, at wall: Double, lot: String? = nil, quality: Quality = .good) -> Sample {
        Sample(characteristic: id, value: value, quality: quality, time: time(wall), lot: lot.map(LotID.init(rawValue:)))
    }

    static func fillDefect(value: Double, at wall: Double, lot: String?) -> Defect {
        let limits = SpecLimits(lsl: 76.8, usl: 79.2, target: 78)
        return Defect(characteristic: fillWeight, code: "FILL.UNDER", severity: .major, value: value, limits: limits,
                      verdict: limits.judge(value), station: "filling", equipment: "nozzle-3", time: time(wall),
                      lot: lot.map(LotID.init(rawValue:)), sequence: 42)
    }

    /// An opened, synchronised writer.
    static func writer(_ database: TemporaryDatabase, configuration: StoreConfiguration = StoreConfiguration()) async throws -> StoreWriter {
        let writer = try StoreWriter(path: database.path, logger: logger, configuration: configuration)
        try await writer.sync(line: line(), at: 1_000)
        return writer
    }
}
