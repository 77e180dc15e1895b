@testable import Daemon
import LineModel
import SPC
import Testing

@Suite struct T2MonitorRestoreTests {
    /// A live run: 30 Phase I observations, then `after` more; every sample, and the limits frozen.
    static func liveRun(after: Int) -> (monitor: T2Monitor, samples: [Sample], limits: ControlLimits?) {
        var monitor = T2Monitor(settings: T2Fixture.settings(phase1: 30))
        var samples: [Sample] = []
        var limits: ControlLimits?
        for (index, observation) in T2Fixture.observations(30 + after, seed: 11).enumerated() {
            for sample in T2Fixture.samples(of: observation, index: index) {
                samples.append(sample)
                if let frozen = monitor.add(sample).limits { limits = frozen }
            }
        }
        return (monitor, samples, limits)
    }

    /// The store's view of `samples`: by range, and the latest `count` of a characteristic.
    static func source(_ samples: [Sample]) -> (CharacteristicID, ClosedRange<Double>) -> [Sample] {
        { id, range in samples.filter { $0.characteristic == id && range.contains($0.time.wall) } }
    }

    static func latest(_ samples: [Sample], count: Int = 200) -> [CharacteristicID: [Sample]] {
        var result: [CharacteristicID: [Sample]] = [:]
        for id in T2Fixture.settings().variables { result[id] = Array(samples.filter { $0.characteristic == id }.suffix(count)) }
        return result
    }

    @Test func theFrozenModelIsRebuiltFromItsStoredPhaseOneWindowNotFromTheLatestSamples() throws {
        let live = Self.liveRun(after: 300)
        let stored = try #require(live.limits)
        let restoration = T2Monitor.restored(
            T2Fixture.settings(phase1: 30), stored: stored, samples: Self.source(live.samples), latest: Self.latest(live.samples))
        #expect(restoration.monitor.model == live.monitor.model)
        #expect(restoration.limits.isEmpty, "the stored limits still hold")
        #expect(restoration.note.hasPrefix("frozen model rebuilt from the 30 stored Phase I observations"))
        // The next observation is judged exactly as the live chart judges it, including the
        // other variables' latest values carried over from before the restart.
        var restored = restoration.monitor
        var running = live.monitor
        let next = [30.3, 186.6 + 6 * -0.3, 3.45]
        let samples = T2Fixture.samples(of: next, index: 330)
        var outcomes: [(T2Monitor.Outcome, T2Monitor.Outcome)] = []
        for sample in samples.suffix(1) { outcomes.append((restored.add(sample), running.add(sample))) }
        #expect(outcomes.last?.0.statistic == outcomes.last?.1.statistic)
        #expect(outcomes.last?.0.statistic != nil)
    }

    @Test func aChangedConfidenceKeepsTheWindowAndRecordsNewLimits() throws {
        let live = Self.liveRun(after: 10)
        let stored = try #require(live.limits)
        var settings = T2Fixture.settings(phase1: 30)
        settings.confidence = 0.999
        let restoration = T2Monitor.restored(settings, stored: stored, samples: Self.source(live.samples), latest: Self.latest(live.samples))
        let model = try #require(restoration.monitor.model)
        #expect(model.center == live.monitor.model?.center)
        #expect(model.confidence == 0.999)
        #expect(restoration.limits.map(\.ucl) == [model.phase2Limit])
        #expect(restoration.limits.first?.computedAt == stored.computedAt)
    }

    @Test func withoutStoredLimitsPhaseOneResumesFromTheLatestSamples() {
        var monitor = T2Monitor(settings: T2Fixture.settings(phase1: 30))
        var samples: [Sample] = []
        for (index, observation) in T2Fixture.observations(20, seed: 11).enumerated() {
            for sample in T2Fixture.samples(of: observation, index: index) {
                samples.append(sample)
                _ = monitor.add(sample)
            }
        }
        let restoration = T2Monitor.restored(
            T2Fixture.settings(phase1: 30), stored: nil, samples: Self.source(samples), latest: Self.latest(samples))
        #expect(restoration.monitor.model == nil)
        #expect(restoration.monitor.phase1 == monitor.phase1)
        #expect(restoration.monitor.phase1.count == 20)
        #expect(restoration.limits.isEmpty)
    }

    @Test func aPrunedPhaseOneWindowStartsPhaseOneAfresh() throws {
        let live = Self.liveRun(after: 40)
        let stored = try #require(live.limits)
        // Retention pruned everything before observation 25 (inside the Phase I window).
        let kept = live.samples.filter { $0.time.wall >= 1025 }
        let restoration = T2Monitor.restored(T2Fixture.settings(phase1: 30), stored: stored, samples: Self.source(kept), latest: Self.latest(kept))
        #expect(restoration.note.hasPrefix("Phase I restarted"))
        // The 40 observations after the old window form a new Phase I of 30 and freeze it.
        let model = try #require(restoration.monitor.model)
        let expected = try HotellingT2.estimate(
            T2Fixture.observations(70, seed: 11)[30..<60].map { [$0] }, phase1Count: 30, confidence: nil)
        #expect(model == expected)
        #expect(restoration.limits.count == 1)
    }
}
