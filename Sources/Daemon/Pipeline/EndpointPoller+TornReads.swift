import LineModel
import Logging
import ModbusKit

extension EndpointPoller {
    /// One cycle's readings with every unit counter consistent with its values. The counters
    /// that the plan reads in another request than their values (`AcquisitionPlan.sequenceRecheck`)
    /// are read before and after the plan's requests: equal both times (and equal to what the
    /// plan read), no result was latched during the cycle, so each value belongs to its
    /// counter, whichever request came first. When one moved, the cycle is read again (three
    /// times at most); nil when the counters kept moving: the cycle is skipped rather than
    /// charting a value under another unit's number (the next cycle reads the newest result; a
    /// unit that went by unread shows as a counter jump).
    func readConsistently() async -> [PointReading]? {
        guard !plan.sequenceRecheck.isEmpty else { return await device.poll(plan.requests) }
        for attempt in 0..<3 {
            let before = await device.poll(plan.sequenceRecheck)
            let readings = await device.poll(plan.requests)
            let after = await device.poll(plan.sequenceRecheck)
            if Self.unchanged(before, readings, after) { return readings }
            DaemonMetrics.tornRead(endpoint: plan.endpoint.description)
            if attempt == 2 || Task.isCancelled { break }
        }
        logger.notice("unit counters moved during three reads in a row: cycle skipped", metadata: ["device.endpoint": "\(plan.endpoint)"])
        return nil
    }

    /// True when every counter read good before and after has the same value both times and
    /// in the cycle's readings.
    static func unchanged(_ before: [PointReading], _ readings: [PointReading], _ after: [PointReading]) -> Bool {
        let first = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let cycle = Dictionary(readings.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        return after.allSatisfy { reading in
            guard reading.quality.isGood, let earlier = first[reading.name], earlier.quality.isGood else { return true }
            return earlier.value == reading.value && (cycle[reading.name].map { $0 == reading.value } ?? true)
        }
    }
}
