@testable import Daemon
import LineModel
import ModbusKit
import Testing

/// The watch's decisions, cycle by cycle, without a poller: which values stay out of SPC and
/// which episodes are reported (once when they begin, once when they end).
@Suite struct DataQualityWatchTests {
    typealias Cycle = DataQualityFixtures.Cycle

    @Test func theStatusWordMarksEveryValueOfTheDeviceWhileABadBitIsSetOrARequiredBitIsClear() throws {
        let configuration = try DataQualityFixtures.configuration()
        let weight = try #require(configuration.characteristics.first)
        var watch = DataQualityWatch()
        let cycles: [(status: Double, events: [DataQualityEvent.Kind], stale: Bool, shown: String)] = [
            (1, [], false, "UP"),
            (0b11, [.deviceDegraded], true, "INVALID"),  // fault bit 1 set
            (0b11, [], true, "INVALID"),  // same episode: no new event
            (0b01, [.deviceUp], false, "UP"),
            (0b00, [.deviceDegraded], true, "INVALID"),  // running bit 0 (required) clear
            (0b01, [.deviceUp], false, "UP"),
        ]
        for (index, cycle) in cycles.enumerated() {
            let events = watch.observeDevices(configuration.devices, readings: Cycle(ms: UInt64(index) * 100, status: cycle.status).byName)
            #expect(events.map(\.kind) == cycle.events, "cycle \(index)")
            #expect(events.allSatisfy { $0.device == "plc" && $0.characteristic == nil })
            #expect((watch.deviceQuality("plc") == .stale) == cycle.stale, "cycle \(index)")
            #expect(watch.deviceState("plc", connection: "UP") == cycle.shown, "cycle \(index)")
            let review = watch.review(.good, value: 78, of: weight, newUnit: true, readings: [:])
            #expect(review.quality == (cycle.stale ? .stale : .good), "cycle \(index)")
            #expect(review.reported == cycle.stale)
        }
        let detail = try #require(
            watch.observeDevices(configuration.devices, readings: Cycle(ms: 900, status: 0b10).byName).first?.detail)
        #expect(detail == "status word 0x2: bad bit(s) 1 set, required bit(s) 0 clear; values of the device are not valid")
    }

    @Test func aDeviceThatIsDownStaysDownAndALostHeartbeatWinsOverTheStatusWord() throws {
        let configuration = try DataQualityFixtures.configuration()
        var watch = DataQualityWatch()
        _ = watch.observeDevices(configuration.devices, readings: Cycle(ms: 0, heartbeat: 5, status: 0b11).byName)
        #expect(watch.deviceState("plc", connection: "DEGRADED") == "INVALID")
        let events = watch.observeDevices(configuration.devices, readings: Cycle(ms: 1000, heartbeat: 5, status: 0b11).byName)
        #expect(events.map(\.kind) == [.heartbeatLost])
        #expect(events.first?.detail == "heartbeat 5.0 unchanged for 1.0 s (timeout 1.0 s): values of the device are stale")
        #expect(watch.isStale("plc"))
        #expect(watch.conditions(of: "plc") == [.heartbeatLost, .statusInvalid])
        #expect(watch.deviceState("plc", connection: "UP") == "STALE")
        #expect(watch.deviceState("plc", connection: "DOWN") == "DOWN")
        #expect(watch.deviceState("other", connection: "UP") == "UP")
    }

    @Test func theQualityFlagMarksItsOwnValueOnlyAndIsReportedOncePerEpisode() throws {
        let configuration = try DataQualityFixtures.configuration()
        let weight = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.weight })
        let level = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.level })
        var watch = DataQualityWatch()
        // Bit 0 set: the weight is invalid; bit 1 set: the level (invalid_when = 0) is valid.
        var review = watch.review(.good, value: 70, of: weight, newUnit: true, readings: Cycle(ms: 0, qualityWord: 0b11).byName)
        #expect(review.quality == .stale)
        #expect(review.reported)
        #expect(review.events.map(\.kind) == [.decodeError])
        #expect(review.events.first?.characteristic == DataQualityFixtures.weight)
        #expect(review.events.first?.detail == "quality bit 0 of register 4 says the value is not valid")
        review = watch.review(.good, value: 15, of: level, newUnit: false, readings: Cycle(ms: 0, qualityWord: 0b11).byName)
        #expect(review.quality == .good && review.events.isEmpty)

        review = watch.review(.good, value: 71, of: weight, newUnit: true, readings: Cycle(ms: 100, qualityWord: 0b11).byName)
        #expect(review.quality == .stale && review.events.isEmpty, "same episode")
        // An unreadable flag keeps its last state.
        review = watch.review(.good, value: 72, of: weight, newUnit: true, readings: Cycle(ms: 200, qualityWord: nil).byName)
        #expect(review.quality == .stale && review.events.isEmpty)
        // A value that is bad by itself keeps its own quality; the episode still ends on time.
        review = watch.review(.decodeError(.notANumber), value: .nan, of: weight, newUnit: true, readings: Cycle(ms: 300, qualityWord: 0b10).byName)
        #expect(review.quality == .decodeError(.notANumber))
        #expect(!review.reported)
        #expect(review.events.map(\.kind) == [.deviceUp])
        review = watch.review(.good, value: 78, of: weight, newUnit: true, readings: Cycle(ms: 400, qualityWord: 0b10).byName)
        #expect(review.quality == .good && review.events.isEmpty)

        // invalid_when = 0: a clear bit marks the level invalid.
        review = watch.review(.good, value: 15, of: level, newUnit: false, readings: Cycle(ms: 500, qualityWord: 0).byName)
        #expect(review.quality == .stale && review.events.map(\.kind) == [.decodeError])
    }

    @Test func aPerUnitValueThatRepeatsForFrozenAfterUnitsUnitsIsFrozenUntilItMoves() throws {
        let configuration = try DataQualityFixtures.configuration()
        let weight = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.weight })
        var watch = DataQualityWatch()
        let readings = Cycle(ms: 0).byName
        let steps: [(value: Double, newUnit: Bool, quality: Quality, expected: Quality)] = [
            (78.1, true, .good, .good),
            (78.2, true, .good, .good),
            (78.2, false, .good, .good),  // the same unit polled again does not count
            (78.2, true, .good, .good),  // 2 units in a row
            (78.2, true, .good, .frozen),  // 3 units in a row: frozen_after_units = 3
            (78.2, true, .good, .frozen),
            (77.9, true, .good, .good),  // moved again
            (77.9, true, .good, .good),
            (.nan, true, .decodeError(.notANumber), .decodeError(.notANumber)),  // a bad read restarts the count
            (77.9, true, .good, .good),
            (77.9, true, .good, .good),
            (77.9, true, .good, .frozen),
        ]
        for (index, step) in steps.enumerated() {
            let review = watch.review(step.quality, value: step.value, of: weight, newUnit: step.newUnit, readings: readings)
            #expect(review.quality == step.expected, "step \(index)")
            #expect(!review.reported, "frozen values are reported as a quality change by the poller")
        }
    }

    @Test func aValueFurtherThanMaxStepFromTheLastAcceptedOneIsKeptOutAndANewLevelIsFollowed() throws {
        let configuration = try DataQualityFixtures.configuration()
        var level = try #require(configuration.characteristics.first { $0.id == DataQualityFixtures.level })
        level.maxStep = 2
        var watch = DataQualityWatch()
        let readings = Cycle(ms: 0).byName
        let steps: [(value: Double, quality: Quality, expected: Quality, events: Int)] = [
            (15.0, .good, .good, 0),
            (15.5, .good, .good, 0),
            (31.7, .good, .decodeError(.implausibleStep), 0),  // inside the physical range, but no tank fills that fast
            (.nan, .decodeError(.notANumber), .decodeError(.notANumber), 0),  // a bad read leaves the guard alone
            (16.1, .good, .good, 0),
            (22.0, .good, .decodeError(.implausibleStep), 0),  // the tank was really refilled
            (22.4, .good, .decodeError(.implausibleStep), 0),
            (22.8, .good, .good, 0),  // three agreeing values: the new level (the poller reports decode:step -> good)
            (23.0, .good, .good, 0),
        ]
        for (index, step) in steps.enumerated() {
            let review = watch.review(step.quality, value: step.value, of: level, newUnit: false, readings: readings)
            #expect(review.quality == step.expected, "step \(index)")
            #expect(review.events.count == step.events, "step \(index)")
            #expect(!review.reported, "a refused step is reported as a quality change by the poller")
        }
    }

    @Test func conditionMetricsArePublishedFirstThenOnlyOnChange() throws {
        let configuration = try DataQualityFixtures.configuration()
        var watch = DataQualityWatch()
        var updates = watch.conditionUpdates(configuration.devices)
        #expect(updates.map(\.condition) == [.heartbeatLost, .statusInvalid])
        #expect(updates.allSatisfy { $0.device == "plc" && !$0.active })
        #expect(watch.conditionUpdates(configuration.devices).isEmpty)
        _ = watch.observeDevices(configuration.devices, readings: Cycle(ms: 0, status: 0b11).byName)
        updates = watch.conditionUpdates(configuration.devices)
        #expect(updates.count == 1)
        #expect(updates.first?.condition == .statusInvalid && updates.first?.active == true)
    }
}
