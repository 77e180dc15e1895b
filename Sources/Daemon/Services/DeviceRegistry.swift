import Logging
import ModbusKit
import Synchronization

/// The one `ModbusDevice` actor per endpoint, shared by the poller and the interlock writes of
/// that endpoint (a device may accept a single master connection). Closed last, at shutdown.
final class DeviceRegistry: Sendable {
    private let devices = Mutex<[ModbusEndpoint: ModbusDevice]>([:])

    /// The device of `endpoint`, created on first use. When the options change (reload), the
    /// old device is returned for closing and a new one takes its place.
    func device(for endpoint: ModbusEndpoint, options: DeviceOptions, logger: Logger) -> (ModbusDevice, replaced: ModbusDevice?) {
        devices.withLock { devices in
            if let existing = devices[endpoint], existing.options == options { return (existing, nil) }
            var deviceLogger = logger
            deviceLogger[metadataKey: "device.endpoint"] = "\(endpoint)"
            let device = ModbusDevice(endpoint: endpoint, options: options, logger: deviceLogger)
            let old = devices.updateValue(device, forKey: endpoint)
            return (device, old)
        }
    }

    func existing(_ endpoint: ModbusEndpoint) -> ModbusDevice? { devices.withLock { $0[endpoint] } }

    /// Forgets an endpoint no longer configured; returns its device for closing.
    func remove(_ endpoint: ModbusEndpoint) -> ModbusDevice? { devices.withLock { $0.removeValue(forKey: endpoint) } }

    var all: [ModbusDevice] { devices.withLock { Array($0.values) } }

    func closeAll() async {
        for device in all { await device.close() }
    }
}
