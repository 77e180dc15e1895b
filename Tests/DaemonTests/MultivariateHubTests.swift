@testable import Daemon
import Foundation
import LineModel
import Logging
import SPC
import Testing

/// A small deterministic normal generator (SplitMix64 and Box-Muller) for the T2 tests.
struct T2TestNoise {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / Double(UInt64(1) << 53)
    }

    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
}

/// Three variables on two devices: loading (coating) and thickness and density (calendering);
/// density is the trigger. Thickness follows loading closely; density is independent noise.
enum T2Fixture {
    static let loading = CharacteristicID("coating.loading.l1")
    static let thickness = CharacteristicID("calendering.thickness.l1")
    static let density = CharacteristicID("calendering.density.l1")
    static let id = CharacteristicID("calendering.t2_loading_thickness_density.l1")

    static func settings(phase1: Int = 30, maxAge: Double = 5, hold: Bool = false) -> MultivariateSettings {
        MultivariateSettings(
            id: id, station: "calendering", variables: [loading, thickness, density], trigger: density,
            maxAgeSeconds: maxAge, phase1: phase1, confidence: nil, holdOnSignal: hold, severity: .major)
    }

    static func sample(_ id: CharacteristicID, _ value: Double, at time: Double, lot: String? = nil) -> Sample {
        Sample(
            characteristic: id, value: value, quality: .good,
            time: SampleTime(wall: time, monotonicNanos: UInt64(time * 1e9)), lot: lot.map { LotID(rawValue: $0) })
    }

    /// In-control observations (loading, thickness, density).
    static func observations(_ count: Int, seed: UInt64 = 7) -> [[Double]] {
        var noise = T2TestNoise(seed: seed)
        return (0..<count).map { _ in
            let loading = 30 + 0.08 * noise.normal()
            let thickness = 186.6 + 6 * (loading - 30) + 0.1 * noise.normal()
            let density = 3.45 + 0.008 * noise.normal()
            return [loading, thickness, density]
        }
    }

    /// The samples of observation `index` (one second apart; loading first, density last).
    static func samples(of observation: [Double], index: Int, lot: String? = nil) -> [Sample] {
        let t = 1000 + Double(index)
        return [
            sample(loading, observation[0], at: t), sample(thickness, observation[1], at: t + 0.2, lot: lot),
            sample(density, observation[2], at: t + 0.2, lot: lot),
        ]
    }
}

@Suite struct MultivariateHubTests {
    let logger = Logger(label: "test")

    @Test func phaseOneFreezesTheModelThatHotellingT2EstimatesFromTheSameObservations() throws {
        let hub = MultivariateHub(monitors: [T2Monitor(settings: T2Fixture.settings(phase1: 30))], logger: logger)
        let data = T2Fixture.observations(30)
        var limits: [ControlLimits] = []
        for (index, observation) in data.enumerated() {
            for sample in T2Fixture.samples(of: observation, index: index) {
                for record in hub.observe(sample) {
                    guard case .limits(let frozen) = record else {
                        Issue.record("only limits are expected in Phase I, got \(record)")
                        continue
                    }
                    #expect(index == 29, "limits only at the 30th observation")
                    limits.append(frozen)
                }
            }
            if index < 29 { #expect(hub.monitors[0].model == nil) }
        }
        let expected = try HotellingT2.estimate(data.map { [$0] }, phase1Count: 30, confidence: nil)
        #expect(hub.monitors[0].model == expected)
        let record = try #require(limits.first)
        #expect(limits.count == 1)
        #expect(record.characteristic == T2Fixture.id)
        #expect(record.statistic == "t2")
        #expect(record.lcl == 0)
        #expect(record.ucl == expected.phase2Limit)
        #expect(record.center.isFinite && record.sigma.isFinite)
        #expect(record.phase1Count == 30)
        #expect(abs(record.computedAt - 1029.2) < 1e-9)
    }

    @Test func aCoupledShiftThatEachUnivariateChartMissesSignals() throws {
        let hub = MultivariateHub(monitors: [T2Monitor(settings: T2Fixture.settings(phase1: 40, hold: true))], logger: logger)
        let data = T2Fixture.observations(40)
        for (index, observation) in data.enumerated() {
            for sample in T2Fixture.samples(of: observation, index: index) { _ = hub.observe(sample) }
        }
        let model = try #require(hub.monitors[0].model)
        // Loading up by 1.5 of its sigma while thickness goes down by 1.5 of its own: each stays
        // well inside its own 3-sigma limits, but the pair breaks the loading-thickness coupling.
        var means: [Double] = []
        var sds: [Double] = []
        for j in 0..<3 {
            let column = data.map { $0[j] }
            let mean = column.reduce(0, +) / 40
            let squares = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            means.append(mean)
            sds.append((squares / 39).squareRoot())
        }
        let shifted = [means[0] + 1.5 * sds[0], means[1] - 1.5 * sds[1], means[2]]
        for j in 0..<3 { #expect(abs(shifted[j] - means[j]) / sds[j] < 3, "variable \(j) inside its univariate limits") }
        // The same point on an individuals chart of each variable (Phase I limits from the
        // same window, moving-range sigma) gives no rule-1 signal either.
        for j in 0..<3 {
            let column = data.map { $0[j] }
            let movingRange = zip(column, column.dropFirst()).map { abs($1 - $0) }.reduce(0, +) / 39
            #expect(abs(shifted[j] - means[j]) < 3 * movingRange / 1.128)
        }
        var records: [PipelineRecord] = []
        for sample in T2Fixture.samples(of: shifted, index: 40, lot: "CL-7") { records += hub.observe(sample) }
        let signals = records.compactMap { record -> (RuleSignal, Bool)? in
            if case .signal(let signal, let hold) = record { (signal, hold) } else { nil }
        }
        let (signal, hold) = try #require(signals.first)
        #expect(signals.count == 1)
        #expect(hold)
        #expect(signal.characteristic == T2Fixture.id)
        #expect(signal.statistic == "t2")
        #expect(signal.rule == 1)
        #expect(signal.lcl == 0)
        #expect(signal.ucl == model.phase2Limit)
        #expect(signal.value > model.phase2Limit)
        #expect(signal.value == model.statistic(mean: shifted, size: 1))
        #expect(signal.lot == LotID(rawValue: "CL-7"))
        #expect(abs(signal.time.wall - 1040.2) < 1e-9)
        // An in-control observation afterwards: no signal.
        var after: [PipelineRecord] = []
        for sample in T2Fixture.samples(of: means, index: 41) { after += hub.observe(sample) }
        #expect(after.isEmpty)
    }

    @Test func anObservationNeedsEveryOtherValueWithinMaxAgeBeforeTheTrigger() {
        let hub = MultivariateHub(monitors: [T2Monitor(settings: T2Fixture.settings(maxAge: 5))], logger: logger)
        _ = hub.observe(T2Fixture.sample(T2Fixture.thickness, 186.6, at: 100))
        // No loading value at all yet.
        #expect(hub.observe(T2Fixture.sample(T2Fixture.density, 3.45, at: 100)).isEmpty)
        #expect(hub.skippedObservations[T2Fixture.id] == 1)
        // A loading value 6 s before the trigger is too old.
        _ = hub.observe(T2Fixture.sample(T2Fixture.loading, 30, at: 100))
        _ = hub.observe(T2Fixture.sample(T2Fixture.thickness, 186.6, at: 106))
        _ = hub.observe(T2Fixture.sample(T2Fixture.density, 3.45, at: 106))
        #expect(hub.skippedObservations[T2Fixture.id] == 2)
        // A loading value newer than the trigger sample is not used for it.
        _ = hub.observe(T2Fixture.sample(T2Fixture.loading, 30, at: 108))
        _ = hub.observe(T2Fixture.sample(T2Fixture.thickness, 186.6, at: 107))
        _ = hub.observe(T2Fixture.sample(T2Fixture.density, 3.45, at: 107))
        #expect(hub.skippedObservations[T2Fixture.id] == 3)
        #expect(hub.monitors[0].phase1.isEmpty)
        // Within 5 s: an observation.
        _ = hub.observe(T2Fixture.sample(T2Fixture.thickness, 186.6, at: 110))
        _ = hub.observe(T2Fixture.sample(T2Fixture.density, 3.45, at: 110))
        #expect(hub.skippedObservations[T2Fixture.id] == 3)
        #expect(hub.monitors[0].phase1 == [[30, 186.6, 3.45]])
        // Samples that are not good, and characteristics no chart uses, are ignored.
        var bad = T2Fixture.sample(T2Fixture.density, .nan, at: 111)
        bad.quality = .decodeError(.notANumber)
        #expect(hub.observe(bad).isEmpty)
        #expect(hub.observe(T2Fixture.sample(CharacteristicID("slitting.burr"), 3, at: 111)).isEmpty)
        #expect(hub.monitors[0].phase1.count == 1)
    }

    @Test func aSingularPhaseOneWindowSlidesUntilItCanBeEstimated() throws {
        let hub = MultivariateHub(monitors: [T2Monitor(settings: T2Fixture.settings(phase1: 5))], logger: logger)
        // Density exactly constant (0, so that its mean and deviations are exact) for the first 5
        // observations: a singular covariance.
        var data = T2Fixture.observations(12)
        for index in 0..<5 { data[index][2] = 0 }
        var frozenAt: Int?
        for (index, observation) in data.enumerated() {
            for sample in T2Fixture.samples(of: observation, index: index) {
                for record in hub.observe(sample) { if case .limits = record { frozenAt = index } }
            }
        }
        // Observations 0-4 cannot be estimated; the window slides to 1-5, which can.
        #expect(frozenAt == 5)
        let expected = try HotellingT2.estimate(data[1...5].map { [$0] }, phase1Count: 5, confidence: nil)
        #expect(hub.monitors[0].model == expected)
    }
}
