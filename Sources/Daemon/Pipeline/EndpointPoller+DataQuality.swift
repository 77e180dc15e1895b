import LineModel
import Logging
import ModbusKit

/// The poller's side of the data-quality sources: records the episodes `DataQualityWatch`
/// finds, logs one line per change and keeps the device-condition metrics current.
extension EndpointPoller {
    /// Reads this cycle's heartbeats and status words (before any value is judged).
    mutating func watchDevices(_ byName: [String: PointReading], into records: inout [PipelineRecord]) {
        guard plan.devices.contains(where: { $0.heartbeat != nil || $0.status != nil }) else { return }
        for event in dataQuality.observeDevices(plan.devices, readings: byName) {
            records.append(.dataQuality(event))
            logger.warning(
                "device data quality changed",
                metadata: ["device.name": "\(event.device)", "event.kind": "\(event.kind.rawValue)", "event.detail": "\(event.detail)"])
        }
        for update in dataQuality.conditionUpdates(plan.devices) {
            DaemonMetrics.deviceCondition(device: update.device, reason: update.condition.rawValue, active: update.active)
        }
    }

    /// Applies the device conditions, the quality flag, `frozen_after_units` and `max_step` to
    /// one value.
    /// Returns true when the value was downgraded by an episode reported here (the caller then
    /// does not report the downgraded quality value by value).
    mutating func reviewQuality(
        _ quality: inout Quality, value: Double, of characteristic: CharacteristicSettings, newUnit: Bool,
        byName: [String: PointReading], into records: inout [PipelineRecord]
    ) -> Bool {
        let review = dataQuality.review(quality, value: value, of: characteristic, newUnit: newUnit, readings: byName)
        for event in review.events {
            records.append(.dataQuality(event))
            logger.notice(
                "data quality source changed",
                metadata: ["characteristic.id": "\(characteristic.id)", "event.detail": "\(event.detail)"])
        }
        quality = review.quality
        return review.reported
    }
}
