import LineModel
import Logging
import ModbusKit

extension EndpointPoller {
    /// Acknowledges the results this cycle read, after they were judged and queued: for each
    /// device with `acknowledge` whose per-unit values were all read this cycle, a result
    /// counter read good and different from the last one acknowledged is echoed (low 16 bits)
    /// to the device's acknowledge register, and the controller then shows its next result.
    /// Returns true when a result was acknowledged (the controller may have more waiting: the
    /// poller reads again soon). A failed write is logged once per episode and tried again next
    /// cycle.
    ///
    /// Acknowledged is not committed: the store commits within `commit_interval_ms` (longer
    /// while it cannot write, with the records in the spill); a kill in between loses the
    /// results of that window, which the next start reports as units not seen.
    mutating func acknowledgeResults(_ readings: [PointReading]) async -> Bool {
        var acknowledgedAny = false
        for settings in plan.acknowledgingDevices {
            guard let acknowledge = settings.acknowledge,
                let reading = readings.first(where: { $0.name == AcquisitionPlan.acknowledgePoint(settings.name) }),
                reading.quality.isGood, case .number(let number)? = reading.value, number >= 0, number < 1.8e19,
                number == number.rounded(), !dataQuality.isStale(settings.name), !unitsNotRead.contains(settings.name)
            else { continue }
            let counter = UInt64(number)
            guard lastAcknowledged[settings.name] != counter else { continue }
            do {
                try await device.writeRegister(
                    unit: settings.unit, address: acknowledge.address, value: AcknowledgeSettings.echo(counter))
                lastAcknowledged[settings.name] = counter
                acknowledgedAny = true
                DaemonMetrics.acknowledged(device: settings.name)
                if acknowledgeFailing.remove(settings.name) != nil {
                    logger.notice("result acknowledge works again", metadata: ["device.name": "\(settings.name)"])
                }
            } catch {
                DaemonMetrics.acknowledgeFailed(device: settings.name)
                if acknowledgeFailing.insert(settings.name).inserted {
                    logger.warning(
                        "result acknowledge failed: the controller keeps showing the same result",
                        metadata: ["device.name": "\(settings.name)", "error": "\(error)"])
                }
            }
        }
        return acknowledgedAny
    }
}
