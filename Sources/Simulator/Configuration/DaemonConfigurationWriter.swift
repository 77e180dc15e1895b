import Foundation
import LineModel
import ModbusKit

/// Writes a LineGuard daemon configuration (the TOML of `config/lineguard.toml`) that polls a
/// simulated line: one `[[devices]]` per station (`<station>-plc` at `host:port`, its unit and
/// byte order), one `[[stations]]` per station (its lot kind and lot-id register), and one
/// `[[characteristics]]` per characteristic and stream (id `station.characteristic.<prefix><n>`,
/// or `station.characteristic` for a single value; equipment `<equipment prefix>-<n>`), with
/// spec limits, target = the in-control nominal, the physical range, the per-stream counter
/// (or the station's sequence counter) as `sequence`, and the line file's chart hints
/// (`ChartHints`), phase-1 size, rules, defect codes and severity.
///
/// Only keys the daemon reads today are emitted. What the simulated devices also publish and a
/// daemon could use is written as comments on each device: sequence counter, acknowledge
/// register, parent lot, metre counter, unit id (see `StationMap`). The data-quality keys
/// (heartbeat, status word, quality bits, frozen values) come from `+Quality`.
public enum DaemonConfigurationWriter {
    /// - Parameters:
    ///   - ports: station name -> port (from `LineSimulator.start()`, or basePort + port_offset).
    ///   - speed: the simulator's speed; poll intervals are a quarter of a result period in wall
    ///     time, clamped to 10...1000 ms.
    public static func toml(
        line: LineDefinition, ports: [String: Int], host: String = "127.0.0.1", database: String = "lineguard-sim.sqlite",
        speed: Double = 1, study: LineStudy? = nil
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
            // A result's counter and values in one reply (read under the server's lock): read in
            // two requests, a result latched between them would pair one unit's counter with the
            // next unit's values (a torn read).
            out += "max_gap = \(resultBlockGap)\n"
            out += heartbeatLine(station, pollMilliseconds: poll) + statusLine(station)
            if station.acknowledgeRequired, let address = map.acknowledge {
                // The controller holds each result until it is acknowledged: none goes by unread.
                out += "acknowledge = { address = \(address), counter = { register = \"holding\", address = \(map.sequence), type = \"uint32\" } }\n"
            }
            out += "# Also published (holding registers): sequence \(map.sequence) (uint32)"
            if let address = map.acknowledge, !station.acknowledgeRequired {
                out += ", acknowledge \(address) (write the sequence's low 16 bits)"
            }
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
                    out += characteristicTable(station, characteristic, stream: stream, study: study)
                }
            }
        }
        out += multivariateTables(line: line, speed: speed)
        return out
    }

    /// The device name the configuration gives a station.
    public static func device(_ station: StationDefinition) -> String { "\(station.name)-plc" }

    /// The characteristic id of `stream` (0-based).
    public static func characteristicID(_ station: StationDefinition, _ characteristic: CharacteristicDefinition, stream: Int) -> String {
        characteristic.perStream ? "\(station.name).\(characteristic.name).\(station.streamPrefix)\(stream + 1)" : "\(station.name).\(characteristic.name)"
    }

    private static func characteristicTable(
        _ station: StationDefinition, _ characteristic: CharacteristicDefinition, stream: Int, study: LineStudy?
    ) -> String {
        var out = "\n[[characteristics]]\nid = \(quoted(characteristicID(station, characteristic, stream: stream)))\n"
        out += "station = \(quoted(station.name))\n"
        if characteristic.perStream { out += "equipment = \(quoted("\(station.equipmentPrefix)-\(stream + 1)"))\n" }
        out += "device = \(quoted(device(station)))\nregister = \"holding\"\naddress = \(characteristic.address(stream: stream))\n"
        out += "type = \(quoted(characteristic.type.name))\n"
        if let order = characteristic.byteOrder { out += "byte_order = \(quoted(order.rawValue))\n" }
        out += "unit = \(quoted(characteristic.unit))\n"
        out += "physical_range = [\(number(characteristic.physicalRange.lowerBound)), \(number(characteristic.physicalRange.upperBound))]\n"
        if let step = characteristic.maxStep { out += "max_step = \(number(step))\n" }
        if let lsl = characteristic.lsl { out += "lsl = \(number(lsl))\n" }
        out += "target = \(number(characteristic.nominal))\n"
        if let usl = characteristic.usl { out += "usl = \(number(usl))\n" }
        let counter = station.map.streamCounters.map { $0 + UInt16(2 * stream) } ?? station.map.sequence
        out += "sequence = { register = \"holding\", address = \(counter), type = \"uint32\" }\n"
        out += frozenLine(station, hasSequence: true) + qualityLine(station, stream: stream)
        out += characteristic.chart.daemonLines.joined(separator: "\n") + "\n"
        if characteristic.chart.knownLimits {
            out += knownLimits(characteristic, study: study?.estimates[characteristicID(station, characteristic, stream: stream)])
        }
        out += "phase1 = \(characteristic.phase1)\nrule_set = \"we\"\n"
        out += "rules = [\(characteristic.rules.map(String.init).joined(separator: ", "))]\n"
        if let code = characteristic.defectCodeLow { out += "defect_code_low = \(quoted(code))\n" }
        if let code = characteristic.defectCodeHigh { out += "defect_code_high = \(quoted(code))\n" }
        out += "severity = \(quoted(characteristic.severity.rawValue))\n"
        return out
    }

    /// The `known_limits` line of a characteristic: the study's estimate of its stream when
    /// there is one (`LineStudy`), else the in-control model of the line file (center and sigma
    /// in the charted scale: ln units for a log-normal value on the log scale, whose nominal is
    /// the median; phi for an AR(1) model). Phi is clamped to [0, 0.95] as the daemon's Phase I
    /// clamps it.
    static func knownLimits(_ characteristic: CharacteristicDefinition, study: LineStudy.Estimate?) -> String {
        let logScale = characteristic.chart.transform == "log"
        let modelCenter = logScale && characteristic.distribution == .lognormal ? log(characteristic.nominal) : characteristic.nominal
        let center = study?.center ?? modelCenter
        let sigma = study?.sigma ?? characteristic.sigma
        var text = "known_limits = { center = \(number(center)), sigma = \(number(sigma))"
        if characteristic.chart.autocorrelation == "ar1" {
            text += ", phi = \(number(min(0.95, max(0, study?.phi ?? characteristic.arPhi))))"
        }
        return text + " }\n"
    }

    /// Holes the planner may read across, so that a station's counters and result block
    /// (sequence at 2, values from 100, per-stream counters from 200) come in one request.
    static let resultBlockGap = 100

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
