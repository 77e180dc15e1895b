import LineModel
import Logging
import ModbusKit

extension EndpointPoller {
    /// One cycle's readings with every unit counter consistent with its values: after the
    /// plan's requests, the counters read in another request than their values are read again
    /// (`AcquisitionPlan.sequenceRecheck`); when one moved meanwhile, the cycle is read again
    /// (twice at most). Returns nil when the counters kept moving: the cycle is skipped rather
    /// than charting a value under another unit's number (the next cycle reads the newest
    /// result; a unit that went by unread shows as a counter jump).
    func readConsistently() async -> [PointReading]? {
        var readings = await device.poll(plan.requests)
        guard !plan.sequenceRecheck.isEmpty else { return readings }
        for attempt in 0..<3 {
            let again = await device.poll(plan.sequenceRecheck)
            let first = Dictionary(readings.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let torn = again.contains { reading in reading.quality.isGood && first[reading.name] != reading.value }
            if !torn { return readings }
            DaemonMetrics.tornRead(endpoint: plan.endpoint.description)
            if attempt == 2 || Task.isCancelled { break }
            readings = await device.poll(plan.requests)
        }
        logger.debug("unit counters moved during three reads in a row: cycle skipped", metadata: ["device.endpoint": "\(plan.endpoint)"])
        return nil
    }
}
