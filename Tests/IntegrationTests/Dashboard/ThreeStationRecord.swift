import Foundation
import LineModel
import Logging
import Store

/// A record of three stations written with the store's writer: `mixing` has an open chart
/// signal (amber), `coating` has a lot on hold whose id carries markup (red), `drying` is
/// quiet (green).
enum ThreeStationRecord {
    static let heldLot = "ROLL-<7>&\"x\""

    /// Writes the record; `downDevice` is reported down by the poller.
    static func write(to path: String, downDevice: String? = nil) async throws {
        let writer = try StoreWriter(path: path, logger: Logger(label: "test"))
        let start = 1_700_000_000.0
        func station(_ name: String, _ kind: LotKind, _ characteristic: String) -> StationDescription {
            StationDescription(
                name: name, lotKind: kind,
                devices: [DeviceDescription(name: "\(name)-plc", endpoint: "127.0.0.1:1502", unit: 1)],
                characteristics: [
                    CharacteristicDescription(
                        id: CharacteristicID(characteristic), station: name, device: "\(name)-plc", equipment: nil,
                        unit: "u", spec: SpecLimits(lsl: 9, usl: 11), defectCodeLow: "\(name.uppercased()).LOW",
                        defectCodeHigh: "\(name.uppercased()).HIGH", severity: .major, chart: "imr"),
                ])
        }
        let line = LineDescription(name: "three", stations: [
            station("mixing", .slurryBatch, "mixing.viscosity"), station("coating", .coatedRoll, "coating.weight"),
            station("drying", .ovenBatch, "drying.moisture"),
        ])
        try await writer.sync(line: line, at: start)
        let lots = ["mixing": "SL-1", "coating": heldLot, "drying": "OV-1"]
        for (name, characteristic) in [("mixing", "mixing.viscosity"), ("coating", "coating.weight"), ("drying", "drying.moisture")] {
            let lot = LotID(lots[name]!)
            try await writer.startLot(lot, kind: line.stations.first { $0.name == name }!.lotKind, station: name, at: start)
            let wiggle: [Double] = [0.1, -0.1, 0.05, -0.05]
            var samples: [Sample] = []
            for i in 0..<40 {
                let time = SampleTime(wall: start + Double(i), monotonicNanos: UInt64(i) * 1_000_000_000)
                samples.append(Sample(
                    characteristic: CharacteristicID(characteristic), value: 10 + wiggle[i % 4], quality: .good,
                    time: time, lot: lot, sequence: UInt64(i + 1)))
            }
            try await writer.append(samples: samples)
            let device = "\(name)-plc"
            try await writer.updateDevice(
                name: device, state: device == downDevice ? "down" : "up", lastPoll: start + 40, roundTripSeconds: 0.002)
        }
        _ = try await writer.record(signal: RuleSignal(
            characteristic: CharacteristicID("mixing.viscosity"), statistic: "x", ruleSet: "we", rule: 4, value: 10.1,
            lcl: 9.7, ucl: 10.3, time: SampleTime(wall: start + 39, monotonicNanos: 39_000_000_000), lot: LotID("SL-1"),
            sequence: 40))
        _ = try await writer.hold(lot: LotID(heldLot), trigger: .manual, reason: "edge <burr> check", actor: "qa", at: start + 41)
        await writer.close()
    }

    /// A daemon configuration of the same line (stations, devices, characteristics), so that
    /// the dashboard knows which device serves which station.
    static func configuration(database: String) -> String {
        var text = """
            [daemon]
            database = "\(database)"

            [line]
            name = "three-station line"

            """
        for (index, (station, kind, characteristic)) in [
            ("mixing", "slurry_batch", "mixing.viscosity"), ("coating", "coated_roll", "coating.weight"),
            ("drying", "oven_batch", "drying.moisture"),
        ].enumerated() {
            text += """

                [[devices]]
                name = "\(station)-plc"
                endpoint = "127.0.0.1:\(15100 + index)"
                unit = 1

                [[stations]]
                name = "\(station)"
                lot_kind = "\(kind)"

                [[characteristics]]
                id = "\(characteristic)"
                station = "\(station)"
                device = "\(station)-plc"
                register = "holding"
                address = 100
                type = "float32"
                unit = "u"
                lsl = 9.0
                usl = 11.0
                chart = "imr"
                defect_code_low = "\(station.uppercased()).LOW"
                defect_code_high = "\(station.uppercased()).HIGH"
                severity = "major"

                """
        }
        return text
    }
}
