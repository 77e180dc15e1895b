import Foundation
import LineModel
import ModbusKit

/// Writes a LineGuard daemon configuration (the TOML of `config/lineguard.toml`) that polls a
/// simulated line: one `[[devices]]` per station (`<station>-plc` at `host:port`, its unit and
/// byte order), one `[[stations]]` per station (its lot kind and lot-id register), and one
/// `[[characteristics]]` per characteristic and stream (id `station.characteristic.<prefix><n>`,
/// or `station.characteristic` for a single value; equipment `<equipment prefix>-<n>`), with
/// spec limits, target = the in-control nominal, the physical range, the per-stream counter
/// (or the station's sequence counter) as `sequence`, chart `imr` and the line file's
/// phase-1 size, rules, defect codes and severity.
///
/// Only keys the daemon reads today are emitted. What the simulated devices also publish and a
/// daemon could use is written as comments on each device: heartbeat, status word, quality
/// word, acknowledge register, parent lot, metre counter, unit id (see `StationMap`).
public enum DaemonConfigurationWriter {
    /// - Parameters:
    ///   - ports: station name -> port (from `LineSimulator.start()`, or basePort + port_offset).
    ///   - speed: the simulator's speed; poll intervals are a quarter of a result period in wall
    ///     time, clamped to 10...1000 ms.
    public static func toml(
        line: LineDefinition, ports: [String: Int], host: String = "127.0.0.1", database: String = "lineguard-sim.sqlite",
        speed: Double = 1
    ) -> String {
        var out = "# LineGuard configuration for the simulated line \"\(line.name)\", written by the simulator's\n"
        out += "# DaemonConfigurationWriter from the line file: regenerate it rather than edit it.\n\n"
        out += "[daemon]\ndatabase = \(quoted(database))\nlog_level = \"info\"\ncommit_interval_ms = 200\n\n"
        out += "[line]\nname = \(quoted(line.name))\n"
        for station in line.stations {
            let poll = min(1000, max(10, Int(station.periodSeconds / max(speed, 1e-9) * 1000 / 4)))
            let map = station.map
            out += "\n[[devices]]\nname = \(quoted(device(station)))\n"
            out += "endpoint = \(quoted("\(host):\(ports[station.name] ?? station.portOffset)"))\n"
            out += "unit = \(station.unit)\naddress_base = 0\npoll_interval_ms = \(poll)\nresponse_timeout_ms = 500\n"
            out += "connect_timeout_ms = 1000\nbyte_order = \(quoted(station.byteOrder.rawValue))\n"
            out += "# Also published (holding registers): heartbeat \(map.heartbeat) (uint16, +1 per 100 ms), status \(map.status) "
            out += "(bit 0 running, 1 fault, 2 stopped, 3 awaiting acknowledge, 4 results lost), sequence \(map.sequence) (uint32), "
            out += "quality \(map.quality) (bit n: stream n+1 invalid)"
            if let address = map.acknowledge { out += ", acknowledge \(address) (write the sequence's low 16 bits)" }
            if let address = map.parentLot { out += ", parent lot \(address) (string, \(map.lotRegisters) registers)" }
            if let address = map.metre { out += ", metre counter \(address) (float32)" }
            if let address = map.unitID { out += ", unit id \(address) (string, \(map.lotRegisters) registers)" }
            if let address = map.streamUnits { out += ", per-stream unit serials \(address) (uint32, stride 2)" }
            out += ".\n"
        }
        for station in line.stations {
            out += "\n[[stations]]\nname = \(quoted(station.name))\n"
            if let kind = station.lotKind {
                out += "lot_kind = \(quoted(kind.rawValue))\n"
                out += "lot = { device = \(quoted(device(station))), register = \"holding\", address = \(station.map.lot), "
                out += "type = \"string\", registers = \(station.map.lotRegisters) }\n"
            } else {
                out += "# The station publishes no product lot (its lot register names a shift): no lot source.\n"
                out += "lot_kind = \"material_lot\"\n"
            }
        }
        for station in line.stations {
            for characteristic in station.characteristics {
                for stream in 0..<station.valueCount(characteristic) {
                    out += characteristicTable(station, characteristic, stream: stream)
                }
            }
        }
        return out
    }

    /// The device name the configuration gives a station.
    public static func device(_ station: StationDefinition) -> String { "\(station.name)-plc" }

    /// The characteristic id of `stream` (0-based).
    public static func characteristicID(_ station: StationDefinition, _ characteristic: CharacteristicDefinition, stream: Int) -> String {
        characteristic.perStream ? "\(station.name).\(characteristic.name).\(station.streamPrefix)\(stream + 1)" : "\(station.name).\(characteristic.name)"
    }

    private static func characteristicTable(_ station: StationDefinition, _ characteristic: CharacteristicDefinition, stream: Int) -> String {
        var out = "\n[[characteristics]]\nid = \(quoted(characteristicID(station, characteristic, stream: stream)))\n"
        out += "station = \(quoted(station.name))\n"
        if characteristic.perStream { out += "equipment = \(quoted("\(station.equipmentPrefix)-\(stream + 1)"))\n" }
        out += "device = \(quoted(device(station)))\nregister = \"holding\"\naddress = \(characteristic.address(stream: stream))\n"
        out += "type = \(quoted(characteristic.type.name))\n"
        if let order = characteristic.byteOrder { out += "byte_order = \(quoted(order.rawValue))\n" }
        out += "unit = \(quoted(characteristic.unit))\n"
        out += "physical_range = [\(number(characteristic.physicalRange.lowerBound)), \(number(characteristic.physicalRange.upperBound))]\n"
        if let lsl = characteristic.lsl { out += "lsl = \(number(lsl))\n" }
        out += "target = \(number(characteristic.nominal))\n"
        if let usl = characteristic.usl { out += "usl = \(number(usl))\n" }
        let counter = station.map.streamCounters.map { $0 + UInt16(2 * stream) } ?? station.map.sequence
        out += "sequence = { register = \"holding\", address = \(counter), type = \"uint32\" }\n"
        out += "chart = \"imr\"\nphase1 = \(characteristic.phase1)\nrule_set = \"we\"\n"
        out += "rules = [\(characteristic.rules.map(String.init).joined(separator: ", "))]\n"
        if let code = characteristic.defectCodeLow { out += "defect_code_low = \(quoted(code))\n" }
        if let code = characteristic.defectCodeHigh { out += "defect_code_high = \(quoted(code))\n" }
        out += "severity = \(quoted(characteristic.severity.rawValue))\n"
        return out
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A TOML float that reads back exactly.
    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}
