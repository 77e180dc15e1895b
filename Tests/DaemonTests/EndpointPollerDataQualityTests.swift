@testable import Daemon
import LineModel
import Logging
import ModbusKit
import Testing

/// The poller's records for cycles of readings (no socket: the readings are made here as
/// ModbusKit returns them): values the data-quality sources mark stay out of SPC, defects and
/// lot changes; each episode is one event when it begins and one when it ends; unit counters
/// keep advancing.
@Suite struct EndpointPollerDataQualityTests {
    typealias Cycle = DataQualityFixtures.Cycle

    /// A poller for the fixture line on a device that is never connected.
    static func poller(_ text: String = DataQualityFixtures.text) throws -> EndpointPoller {
        let configuration = try DataQualityFixtures.configuration(text)
        let plan = try #require(AcquisitionPlan.plans(for: configuration).first)
        let logger = Logger(label: "test")
        return EndpointPoller(
            plan: plan, device: ModbusDevice(endpoint: plan.endpoint, options: plan.options, logger: logger),
            queue: RecordQueue(sampleCapacity: 10_000, batchRows: 100), progress: PipelineProgress(), lotBoard: LotBoard(),
            limitUpdates: LimitUpdates(), carried: [:], restoredLimits: [:], logger: logger)
    }

    /// What one run of cycles produced, by kind.
    struct Outcome {
        var samples: [Sample] = []
        var defects: [Defect] = []
        var signals: [RuleSignal] = []
        var events: [DataQualityEvent] = []
        var lots: [LotID] = []
        var states: [String] = []

        mutating func add(_ records: [PipelineRecord]) {
            for record in records {
                switch record {
                case .sample(let sample): samples.append(sample)
                case .defect(let defect, let signal, _):
                    defects.append(defect)
                    if let signal { signals.append(signal) }
                case .signal(let signal, _): signals.append(signal)
                case .dataQuality(let event): events.append(event)
                case .lotStarted(let lot, _, _, _): lots.append(lot)
                case .deviceState(_, let state, _, _): states.append(state)
                default: break
                }
            }
        }

        func weights(from sequence: UInt64) -> [Sample] {
            samples.filter { $0.characteristic == DataQualityFixtures.weight && ($0.sequence ?? 0) >= sequence }
        }
    }

    static func run(_ poller: inout EndpointPoller, _ cycles: [Cycle]) async -> Outcome {
        var outcome = Outcome()
        for cycle in cycles { outcome.add(await poller.process(cycle.readings)) }
        return outcome
    }

    /// Healthy cycles 100 ms apart: heartbeat and unit counter moving, in-spec weights.
    static func healthy(from start: Int, count: Int, lot: String = "LOT-1", unitOffset: Int = 0) -> [Cycle] {
        (start..<(start + count)).map { index -> Cycle in
            let weight: Double = 78 + Double(index % 3) * 0.1
            let level: Double = 15 + Double(index % 2) * 0.1
            return Cycle(
                ms: UInt64(index) * 100, heartbeat: Double(index), sequence: Double(index - unitOffset), weight: weight, level: level,
                lot: lot)
        }
    }

    @Test func aLostHeartbeatKeepsTheDevicesValuesAndLotChangesOutUntilItMovesAgain() async throws {
        var poller = try Self.poller()
        var outcome = await Self.run(&poller, Self.healthy(from: 0, count: 12))
        #expect(outcome.lots.map(\.rawValue) == ["LOT-1"])
        #expect(outcome.samples.filter { $0.quality.isGood }.count >= 20)
        #expect(outcome.events.isEmpty, "\(outcome.events)")

        // The controller hangs at heartbeat 11 (last moved at 1100 ms), its registers as they
        // were; after the timeout they change anyway (a gateway's cache, a half-written block):
        // absurd values, new units and a new lot.
        let last = Self.healthy(from: 11, count: 1)[0]
        var hung: [Cycle] = []
        for index in 12..<30 {
            let ms = UInt64(index) * 100
            if index < 21 {
                hung.append(Cycle(ms: ms, heartbeat: 11, sequence: 11, weight: last.weight, level: last.level, lot: "LOT-1"))
            } else {
                hung.append(Cycle(ms: ms, heartbeat: 11, sequence: Double(index - 9), weight: 70, level: 99, lot: "LOT-2"))
            }
        }
        outcome = await Self.run(&poller, hung)
        let lost = outcome.events.filter { $0.kind == .heartbeatLost }
        #expect(lost.count == 1, "one event at the start: \(outcome.events)")
        #expect(lost.first?.device == "plc")
        #expect(lost.first?.time.monotonicNanos == 2_100_000_000, "timeout 1000 ms after the last change at 1100 ms")
        #expect(outcome.events.count == 1, "no event value by value: \(outcome.events.map { "\($0.kind) \($0.characteristic.map(\.rawValue) ?? "-") \($0.detail)" })")
        #expect(outcome.defects.isEmpty && outcome.signals.isEmpty)
        #expect(outcome.lots.isEmpty, "no lot change from a hung controller")
        let afterLoss = outcome.samples.filter { $0.time.monotonicNanos >= 2_100_000_000 }
        #expect(!afterLoss.isEmpty && afterLoss.allSatisfy { $0.quality == .stale }, "\(afterLoss.map(\.quality))")
        let units = outcome.weights(from: 12).compactMap(\.sequence)
        #expect(units == Array(12...20), "the unit counter keeps advancing while stale")

        // Moving again: one recovery event, the lot change comes now, values are good again,
        // and no unit counts as skipped.
        outcome = await Self.run(&poller, Self.healthy(from: 30, count: 5, lot: "LOT-2", unitOffset: 9))
        #expect(outcome.events.map(\.kind) == [.deviceUp], "\(outcome.events)")
        #expect(outcome.lots.map(\.rawValue) == ["LOT-2"])
        #expect(outcome.samples.allSatisfy { $0.quality.isGood })
        #expect(outcome.weights(from: 21).compactMap(\.sequence) == Array(21...25))
    }

    @Test func aNaNOrGarbagePerUnitResultIsADataQualityEventNeverADefectAndTheCounterAdvances() async throws {
        var poller = try Self.poller()
        _ = await Self.run(&poller, Self.healthy(from: 0, count: 10))
        let bad: [Cycle] = [
            Cycle(ms: 1000, heartbeat: 10, sequence: 10, weight: nil, weightQuality: .decodeError(.notANumber), level: 15),
            Cycle(ms: 1100, heartbeat: 11, sequence: 11, weight: nil, weightQuality: .decodeError(.notANumber), level: 15),
            Cycle(ms: 1200, heartbeat: 12, sequence: 12, weight: 5000, weightQuality: .decodeError(.outOfPhysicalRange), level: 15),
            Cycle(ms: 1300, heartbeat: 13, sequence: 13, weight: 78.1, level: 15),
            Cycle(ms: 1400, heartbeat: 14, sequence: 14, weight: 78.0, level: 15),
        ]
        let outcome = await Self.run(&poller, bad)
        #expect(outcome.defects.isEmpty && outcome.signals.isEmpty)
        #expect(outcome.weights(from: 10).map(\.quality) == [
            .decodeError(.notANumber), .decodeError(.notANumber), .decodeError(.outOfPhysicalRange), .good, .good,
        ])
        #expect(outcome.weights(from: 10).compactMap(\.sequence) == [10, 11, 12, 13, 14])
        let events = outcome.events.filter { $0.characteristic == DataQualityFixtures.weight }
        #expect(events.map(\.kind) == [.decodeError, .decodeError, .deviceUp], "NaN, then garbage, then good: \(events)")
        #expect(!outcome.events.contains { $0.kind == .skippedSequence }, "no unit went missing")
    }

    @Test func aSetQualityFlagOrAnInvalidStatusWordKeepsOutOfSpecValuesFromBecomingDefects() async throws {
        var poller = try Self.poller()
        _ = await Self.run(&poller, Self.healthy(from: 0, count: 10))
        // Quality bit 0 set for two units with an out-of-spec weight.
        var outcome = await Self.run(&poller, [
            Cycle(ms: 1000, heartbeat: 10, qualityWord: 0b11, sequence: 10, weight: 70, level: 15),
            Cycle(ms: 1100, heartbeat: 11, qualityWord: 0b11, sequence: 11, weight: 71, level: 15),
            Cycle(ms: 1200, heartbeat: 12, qualityWord: 0b10, sequence: 12, weight: 78, level: 15),
        ])
        #expect(outcome.defects.isEmpty && outcome.signals.isEmpty)
        #expect(outcome.weights(from: 10).map(\.quality) == [.stale, .stale, .good])
        #expect(outcome.events.map(\.kind) == [.decodeError, .deviceUp], "\(outcome.events)")
        #expect(outcome.samples.filter { $0.characteristic == DataQualityFixtures.level }.allSatisfy { $0.quality.isGood })

        // The status word's fault bit: every value of the device, the level (out of spec) too.
        outcome = await Self.run(&poller, [
            Cycle(ms: 1300, heartbeat: 13, status: 0b11, sequence: 13, weight: 70, level: 30),
            Cycle(ms: 1400, heartbeat: 14, status: 0b11, sequence: 14, weight: 70, level: 30),
            Cycle(ms: 1500, heartbeat: 15, status: 0b01, sequence: 15, weight: 78.1, level: 15),
        ])
        #expect(outcome.defects.isEmpty && outcome.signals.isEmpty)
        #expect(outcome.samples.filter { $0.time.monotonicNanos < 1_500_000_000 }.allSatisfy { $0.quality == .stale })
        #expect(outcome.samples.filter { $0.time.monotonicNanos == 1_500_000_000 }.allSatisfy { $0.quality.isGood })
        #expect(outcome.events.map(\.kind) == [.deviceDegraded, .deviceUp], "\(outcome.events)")

        // The same out-of-spec weight with every source healthy is a defect: the test can fail.
        outcome = await Self.run(&poller, [Cycle(ms: 1600, heartbeat: 16, sequence: 16, weight: 70, level: 15)])
        #expect(outcome.defects.count == 1)
    }

    @Test func aPerUnitValueStuckForThreeUnitsIsFrozenAndReportedOnce() async throws {
        var poller = try Self.poller()
        _ = await Self.run(&poller, Self.healthy(from: 0, count: 10))
        let stuck = (10..<16).map { index in
            Cycle(ms: UInt64(index) * 100, heartbeat: Double(index), sequence: Double(index), weight: 78.05, level: 15)
        }
        var outcome = await Self.run(&poller, stuck)
        #expect(outcome.weights(from: 10).map(\.quality) == [.good, .good, .frozen, .frozen, .frozen, .frozen])
        #expect(outcome.events.map(\.kind) == [.frozenSensor])
        outcome = await Self.run(&poller, Self.healthy(from: 16, count: 2))
        #expect(outcome.events.map(\.kind) == [.deviceUp])
    }
}
