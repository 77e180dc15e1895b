@testable import Daemon
import LineModel
import ModbusKit

/// A small line for the data-quality tests: one device with heartbeat and status word, a
/// per-unit value with its quality flag and frozen_after_units, and a continuous value.
enum DataQualityFixtures {
    static let text = """
        [daemon]
        database = "unused.sqlite"

        [line]
        name = "test-line"

        [[devices]]
        name = "plc"
        endpoint = "127.0.0.1:1502"
        poll_interval_ms = 100
        heartbeat = { register = "holding", address = 0, type = "uint16", timeout_ms = 1000 }
        status = { register = "holding", address = 1, type = "uint16", bad_bits = [1], required_bits = [0] }

        [[stations]]
        name = "filling"
        lot_kind = "cell_batch"
        lot = { device = "plc", register = "holding", address = 10, type = "string", registers = 8 }

        [[characteristics]]
        id = "filling.weight.n1"
        station = "filling"
        device = "plc"
        register = "holding"
        address = 100
        type = "float32"
        unit = "g"
        physical_range = [0.0, 200.0]
        lsl = 76.8
        target = 78.0
        usl = 79.2
        sequence = { register = "holding", address = 200, type = "uint32" }
        quality = { register = "holding", address = 4, bit = 0 }
        frozen_after_units = 3
        phase1 = 5
        rules = [1]

        [[characteristics]]
        id = "filling.level"
        station = "filling"
        device = "plc"
        register = "holding"
        address = 102
        type = "float32"
        unit = "mm"
        lsl = 10.0
        usl = 20.0
        quality = { register = "holding", address = 4, bit = 1, invalid_when = 0 }
        phase1 = 5
        rules = [1]
        """

    static func configuration(_ text: String = text) throws(ConfigurationError) -> DaemonConfiguration {
        try ConfigurationLoader.load(text: text, source: "test.toml")
    }

    static let weight = CharacteristicID("filling.weight.n1")
    static let level = CharacteristicID("filling.level")

    /// One cycle's readings as ModbusKit would return them, at `ms` on the monotonic clock.
    struct Cycle {
        var ms: UInt64
        var heartbeat: Double? = nil
        var status: Double? = 1
        var qualityWord: Double? = 0b10
        var sequence: Double? = nil
        var weight: Double? = nil
        var weightQuality: Quality = .good
        var level: Double? = nil
        var lot: String? = nil

        var readings: [PointReading] {
            let time = SampleTime(wall: 1_800_000_000 + Double(ms) / 1000, monotonicNanos: ms * 1_000_000)
            var out: [PointReading] = []
            func add(_ name: String, _ value: PointValue?, _ quality: Quality = .good) {
                out.append(PointReading(name: name, value: value, quality: quality, time: time))
            }
            if let heartbeat { add(AcquisitionPlan.heartbeatPoint("plc"), .number(heartbeat)) }
            if let status { add(AcquisitionPlan.statusPoint("plc"), .number(status)) }
            if let qualityWord {
                add(AcquisitionPlan.qualityPoint(DataQualityFixtures.weight), .bool(Int(qualityWord) & 1 != 0))
                add(AcquisitionPlan.qualityPoint(DataQualityFixtures.level), .bool(Int(qualityWord) & 2 != 0))
            }
            if let sequence { add(AcquisitionPlan.sequencePoint(DataQualityFixtures.weight), .number(sequence)) }
            if weightQuality.isGood {
                if let weight { add(AcquisitionPlan.valuePoint(DataQualityFixtures.weight), .number(weight)) }
            } else {
                add(AcquisitionPlan.valuePoint(DataQualityFixtures.weight), weight.map { .number($0) }, weightQuality)
            }
            if let level { add(AcquisitionPlan.valuePoint(DataQualityFixtures.level), .number(level)) }
            if let lot { add(AcquisitionPlan.lotPoint("filling"), .text(lot)) }
            return out
        }

        var byName: [String: PointReading] {
            Dictionary(readings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
