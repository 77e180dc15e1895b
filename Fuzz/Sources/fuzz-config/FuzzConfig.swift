import Daemon
import FuzzSupport
import LineModel
import ModbusKit

/// libFuzzer's entry: the configuration loader on the input as TOML text (invalid UTF-8
/// replaced, as a file read would refuse it before the loader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let input = FuzzInput(data: data, count: count)
    let text = String(decoding: input.remaining, as: UTF8.self)
    let source = "fuzz.toml"
    let configuration: DaemonConfiguration
    do {
        configuration = try ConfigurationLoader.load(text: text, source: source)
    } catch {
        // The typed throw makes "a ConfigurationError or nothing" a compile-time fact; what
        // remains to check is that the error is usable.
        invariant(error.source == source, "the error names \(error.source)")
        invariant(!error.issues.isEmpty, "a configuration refused without an issue")
        invariant(error.issues.allSatisfy { !$0.keyPath.isEmpty && !$0.expected.isEmpty }, "an issue without key path")
        return 0
    }
    ConfigurationCheck.accepted(configuration, text: text, source: source)
    return 0
}

/// What an accepted configuration must satisfy, whatever the text was.
enum ConfigurationCheck {
    static func accepted(_ configuration: DaemonConfiguration, text: String, source: String) {
        let again = try? ConfigurationLoader.load(text: text, source: source)
        invariant(again == configuration, "loading the same text twice differs")
        let devices = Set(configuration.devices.map(\.name))
        invariant(devices.count == configuration.devices.count, "duplicate device names accepted")
        let stations = Set(configuration.stations.map(\.name))
        invariant(stations.count == configuration.stations.count, "duplicate station names accepted")
        for device in configuration.devices {
            invariant((try? device.options.validate()) != nil, "device \(device.name): invalid options accepted")
            invariant(device.pollIntervalMilliseconds > 0, "device \(device.name): poll interval \(device.pollIntervalMilliseconds)")
        }
        for characteristic in configuration.characteristics {
            let id = characteristic.id
            invariant(devices.contains(characteristic.device), "\(id): unknown device \(characteristic.device)")
            invariant(stations.contains(characteristic.station), "\(id): unknown station \(characteristic.station)")
            let point = PointDefinition(
                name: "\(id)", unit: 1, kind: characteristic.kind, address: characteristic.address,
                type: characteristic.type, order: characteristic.order, scale: characteristic.scale,
                offset: characteristic.offset, physicalRange: characteristic.physicalRange,
                frozenAfter: characteristic.frozenAfter)
            invariant((try? point.validate()) != nil, "\(id): a point ModbusKit refuses was accepted")
            if let lsl = characteristic.spec.lsl, let usl = characteristic.spec.usl {
                invariant(lsl < usl, "\(id): lsl \(lsl) not below usl \(usl)")
            }
            invariant(characteristic.phase1 >= 2, "\(id): phase1 \(characteristic.phase1)")
        }
        for station in configuration.stations {
            if let lot = station.lot { invariant(devices.contains(lot.device), "station \(station.name): lot on unknown device") }
        }
        _ = configuration.lineDescription
    }
}
