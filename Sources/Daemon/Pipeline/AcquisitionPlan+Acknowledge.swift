import ModbusKit

/// The reads behind the result handshakes with acknowledge: each acknowledging device's result
/// counter, read with the cycle's other points.
extension AcquisitionPlan {
    static func acknowledgePoint(_ device: String) -> String { "device:" + device + "#acknowledge" }

    /// The result counters of the devices that acknowledge results.
    static func acknowledgePoints(devices: [DeviceSettings]) -> [PointDefinition] {
        devices.compactMap { device in
            guard let counter = device.acknowledge?.counter else { return nil }
            return PointDefinition(
                name: acknowledgePoint(device.name), unit: device.unit, kind: counter.kind, address: counter.address,
                type: counter.type, order: counter.order)
        }
    }

    /// The devices of the plan that acknowledge results.
    var acknowledgingDevices: [DeviceSettings] { devices.filter { $0.acknowledge != nil } }

    /// True when `device` holds each result until it is acknowledged: the result on display
    /// at the first sight of its counter has not been acknowledged, so it is judged (unless the
    /// stored history already has it).
    func holdsResults(_ device: String) -> Bool {
        devices.contains { $0.name == device && $0.acknowledge != nil }
    }
}
