import Foundation
import LineModel
public import Store

/// Renders the store's `StatusReport` for people (text) and for scripts (JSON with stable
/// snake_case keys).
public enum StatusRenderer {
    /// The status as JSON: the store's report with snake_case keys, each characteristic with
    /// `cpk_recent` (null where it cannot be computed). Keys that have no value are absent.
    public static func json(_ report: StatusReport, cpk: [String: Double] = [:]) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(report)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return String(decoding: data, as: UTF8.self)
        }
        if let characteristics = object["characteristics"] as? [[String: Any]] {
            object["characteristics"] = characteristics.map { entry -> [String: Any] in
                var entry = entry
                entry["cpk_recent"] = (entry["id"] as? String).flatMap { cpk[$0] } ?? NSNull()
                return entry
            }
        }
        let output = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: output, as: UTF8.self)
    }

    /// Reads the status and the recent capability from a database (read-only).
    public static func read(database: String) throws -> (report: StatusReport, cpk: [String: Double]) {
        let reader = try StoreReader(path: database)
        let report = try reader.status()
        return (report, RecentCapability.cpk(reader: reader, characteristics: report.characteristics))
    }

    public static func text(_ report: StatusReport, database: String, cpk: [String: Double] = [:]) -> String {
        var out: [String] = ["LineGuard status of \(database)", ""] + spillLines(database: database)
        out.append("DEVICES (\(report.devices.count))")
        for device in report.devices {
            let rtt = device.roundTripSeconds.map { String(format: "%.2f ms", $0 * 1000) } ?? "-"
            out.append(
                "  \(pad(device.name, 16)) \(pad(device.endpoint, 22)) \(pad(device.state, 9)) last poll \(TimeText.iso(device.lastPoll))  rtt \(rtt)")
        }
        out.append("")
        out.append("CHARACTERISTICS (\(report.characteristics.count))")
        out.append(
            "  " + pad("id", 28) + rpad("last", 10) + "  " + pad("quality", 11) + rpad("LSL", 9) + rpad("LCL", 9)
                + rpad("CL", 9) + rpad("UCL", 9) + rpad("USL", 9) + rpad("Cpk", 7) + rpad("signals", 9)
                + rpad("defects", 9))
        for c in report.characteristics {
            out.append(
                "  " + pad(c.id, 28) + rpad(number(c.lastValue), 10) + "  " + pad(c.lastQuality ?? "-", 11)
                    + rpad(number(c.lsl), 9) + rpad(number(c.lcl), 9) + rpad(number(c.center), 9)
                    + rpad(number(c.ucl), 9) + rpad(number(c.usl), 9)
                    + rpad(cpk[c.id].map { String(format: "%.2f", $0) } ?? "-", 7) + rpad("\(c.openSignals)", 9)
                    + rpad("\(c.defects)", 9) + "  " + c.unit)
        }
        out.append("  (Cpk over each characteristic's latest \(RecentCapability.window) samples, within sigma MR-bar/d2)")
        out.append("")
        out.append("OPEN SIGNALS (\(report.openSignals.count))")
        for s in report.openSignals.prefix(20) {
            let limit = s.ucl.map { "UCL \(number($0))" } ?? ""
            let lower = s.lcl.map { "LCL \(number($0))" } ?? ""
            out.append(
                "  #\(s.id) \(TimeText.iso(s.time)) \(s.characteristic) \(s.ruleSet.uppercased()) rule \(s.rule) on \(s.statistic): "
                    + "\(number(s.value)) (\([lower, limit].filter { !$0.isEmpty }.joined(separator: ", "))) lot \(s.lot ?? "-")"
                    + (s.sequence.map { " unit \($0)" } ?? ""))
        }
        if report.openSignals.count > 20 { out.append("  ... \(report.openSignals.count - 20) more (lineguard signals)") }
        out.append("")
        out.append("DEFECTS (\(report.defects.count))")
        for d in report.defects.prefix(20) {
            let limit = d.verdict == "below" ? "< LSL \(number(d.lsl))" : "> USL \(number(d.usl))"
            out.append(
                "  #\(d.id) \(TimeText.iso(d.detectedAt)) \(d.code) [\(d.severity.rawValue)] \(d.characteristic) = \(number(d.value)) \(limit)"
                    + " lot \(d.lot ?? "-")" + (d.unitSequence.map { " unit \($0)" } ?? "")
                    + (d.holdID.map { " hold #\($0)" } ?? ""))
        }
        if report.defects.count > 20 { out.append("  ... \(report.defects.count - 20) more (lineguard defects)") }
        out.append("")
        out.append("LOTS ON HOLD (\(report.heldLots.count))")
        for lot in report.heldLots {
            out.append(
                "  \(pad(lot.id, 16)) \(pad(lot.kind.rawValue, 14)) \(pad(lot.station ?? "-", 12)) \(lot.status.rawValue) since \(TimeText.iso(lot.statusChangedAt))")
        }
        out.append("")
        out.append("OPEN LOTS (\(report.openLots.count))")
        for lot in report.openLots {
            out.append("  \(pad(lot.id, 16)) \(pad(lot.kind.rawValue, 14)) \(pad(lot.station ?? "-", 12)) \(lot.status.rawValue) started \(TimeText.iso(lot.startedAt))")
        }
        return out.joined(separator: "\n")
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.4g", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func rpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
