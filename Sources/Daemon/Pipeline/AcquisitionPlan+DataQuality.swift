import LineModel
import ModbusKit

/// The reads behind the data-quality sources: each device's heartbeat and status word, and each
/// characteristic's quality flag. They join the endpoint's other points, so the planner merges
/// them into the value requests where they are adjacent (the flag is read with its value).
extension AcquisitionPlan {
    static func heartbeatPoint(_ device: String) -> String { "device:" + device + "#heartbeat" }
    static func statusPoint(_ device: String) -> String { "device:" + device + "#status" }
    static func qualityPoint(_ id: CharacteristicID) -> String { id.rawValue + "#quality" }

    /// The points of the heartbeats, status words and quality flags of `devices` and
    /// `characteristics`; `units` maps device names to their unit ids.
    static func dataQualityPoints(
        devices: [DeviceSettings], characteristics: [CharacteristicSettings], units: [String: UInt8]
    ) -> [PointDefinition] {
        var points: [PointDefinition] = []
        for device in devices {
            if let heartbeat = device.heartbeat {
                points.append(point(heartbeat.source, name: heartbeatPoint(device.name), unit: device.unit))
            }
            if let status = device.status {
                points.append(point(status.source, name: statusPoint(device.name), unit: device.unit))
            }
        }
        for characteristic in characteristics {
            guard let flag = characteristic.quality else { continue }
            points.append(point(flag.source, name: qualityPoint(characteristic.id), unit: units[characteristic.device] ?? 1))
        }
        return points
    }

    private static func point(_ source: RegisterSource, name: String, unit: UInt8) -> PointDefinition {
        PointDefinition(name: name, unit: unit, kind: source.kind, address: source.address, type: source.type, order: source.order)
    }
}
