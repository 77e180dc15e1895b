import Foundation
@testable import Daemon
import LineModel
import ModbusKit
import Testing

/// The torn-read guard: a counter read in another request than its values must be unchanged
/// before, during and after the cycle; and the plan re-reads exactly such counters.
@Suite struct TornReadTests {
    static func reading(_ name: String, _ value: Double?, _ quality: Quality = .good) -> PointReading {
        PointReading(name: name, value: value.map(PointValue.number), quality: quality, time: SampleTime(wall: 0, monotonicNanos: 0))
    }

    @Test func aCounterThatMovedDuringTheCycleIsTorn() {
        let before = [Self.reading("n1#sequence", 41)]
        let cycle = [Self.reading("n1", 78.1), Self.reading("n1#sequence", 41)]
        #expect(EndpointPoller.unchanged(before, cycle, [Self.reading("n1#sequence", 41)]))
        #expect(!EndpointPoller.unchanged(before, cycle, [Self.reading("n1#sequence", 42)]))
        // Moved between the first read and the cycle's own read (the values may be either unit's).
        #expect(!EndpointPoller.unchanged(before, [Self.reading("n1#sequence", 42)], [Self.reading("n1#sequence", 42)]))
        // A counter that could not be read proves nothing either way; the cycle's qualities decide.
        #expect(EndpointPoller.unchanged([Self.reading("n1#sequence", nil, .commError)], cycle, [Self.reading("n1#sequence", 43)]))
    }

    /// The reference line's generated configuration: filling's per-nozzle counters (200+) are
    /// read apart from the weights (100+) when the planner may not bridge the gap, and then only
    /// they are re-read; with the shipped max_gap the station's sequence and values share a reply.
    @Test func thePlanRereadsOnlyCountersReadApartFromTheirValues() throws {
        let text = EmbeddedConfiguration.referenceLineConfiguration
        let shipped = try ConfigurationLoader.load(text: text, source: "t")
        let grading = try #require(AcquisitionPlan.plans(for: shipped).first { $0.deviceNames == ["grading-plc"] })
        #expect(grading.sequenceRecheck.isEmpty, "grading reads its sequence and block in one request")
        let narrow = try ConfigurationLoader.load(text: text.replacingOccurrences(of: "max_gap = 100", with: "max_gap = 10"), source: "t")
        let filling = try #require(AcquisitionPlan.plans(for: narrow).first { $0.deviceNames == ["filling-plc"] })
        let reread = Set(filling.sequenceRecheck.flatMap(\.points).map(\.address))
        let counters: Set<UInt16> = [200, 202, 204, 206, 208, 210, 212, 214]
        #expect(reread == counters)
    }
}
