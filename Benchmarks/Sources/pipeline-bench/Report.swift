import Foundation

/// One row of Benchmarks/results/pipeline.json (the shape every area writes), with a note on
/// how it was measured.
struct Row: Encodable {
    var name: String
    var unit: String
    var value: Double
    var baseline_name: String
    var baseline_value: Double
    var ratio: Double
    var note: String
}

/// Turns the final runs into rows, prints them and writes the JSON.
enum Report {
    static func progress(_ result: Trial.Result, label: String) {
        var line = String(
            format: "  %@ %-12@ unit period %5.0f ms (poll %3.0f ms): %9.0f samples/s, cpu %4.2f cores, rss %6.1f MiB, %d units missed, %d read errors",
            label, result.subject, result.period * 1000, result.pollInterval * 1000,
            result.samplesPerSecond, result.cpuShare, result.residentMiB, result.missedInWindow, result.summary.readErrors)
        if result.probesWritten > 0 {
            line += String(
                format: ", latency p50 %.1f ms p99 %.1f ms (%d of %d probes seen)", Statistics.percentile(result.latencies, 50) * 1000,
                Statistics.percentile(result.latencies, 99) * 1000, result.latencies.count, result.probesWritten)
        }
        say(line + " -> " + result.verdict)
    }

    static func rows(lineguard: Trial.Result, peer: Trial.Result?) -> [Row] {
        func note(_ r: Trial.Result) -> String {
            String(
                format: "%@: %d x %d characteristics, unit period %.0f ms (poll %.0f ms), %.0f s window: %d units missed "
                    + "(%d over the whole run), %d dropped, %d read errors, %d/%d probes seen: %@",
                r.subject, DeviceFarm.devices, DeviceFarm.characteristics, r.period * 1000, r.pollInterval * 1000, r.window,
                r.missedInWindow, r.summary.missedUnits, r.summary.dropped, r.summary.readErrors, r.latencies.count, r.probesWritten, r.verdict)
        }
        func cpuPerSample(_ r: Trial.Result) -> Double { r.cpuShare / max(r.samplesPerSecond, 1) * 1e6 }
        func ms(_ r: Trial.Result, _ p: Double) -> Double { Statistics.percentile(r.latencies, p) * 1000 }
        func row(_ name: String, _ unit: String, _ value: (Trial.Result) -> Double, peerName: String = "peer.python_stack") -> Row {
            let mine = value(lineguard)
            let theirs = peer.map(value) ?? .nan
            return Row(
                name: name, unit: unit, value: mine, baseline_name: peerName, baseline_value: theirs, ratio: mine / theirs,
                note: note(lineguard) + (peer.map { "; " + note($0) } ?? ""))
        }
        var rows = [
            row("pipeline.end_to_end", "samples/s", \.samplesPerSecond),
            row("pipeline.end_to_end.latency_p50", "ms", { ms($0, 50) }),
            row("pipeline.end_to_end.latency_p99", "ms", { ms($0, 99) }),
            row("pipeline.end_to_end.cpu_share", "cores", \.cpuShare),
            row("pipeline.end_to_end.cpu_per_sample", "us/sample", cpuPerSample),
            row("pipeline.end_to_end.rss", "MiB", \.residentMiB),
        ]
        if let peer {
            rows.append(
                Row(
                    name: "peer.python_stack", unit: "samples/s", value: peer.samplesPerSecond, baseline_name: "pipeline.end_to_end",
                    baseline_value: lineguard.samplesPerSecond, ratio: peer.samplesPerSecond / lineguard.samplesPerSecond,
                    note: note(peer)))
        }
        return rows
    }

    static func printTable(_ rows: [Row]) {
        say(String(format: "%-36@ %14@ %-10@ %14@ %8@", "row", "value", "unit", "baseline", "ratio"))
        for row in rows {
            say(String(format: "%-36@ %14.2f %-10@ %14.2f %8.3f", row.name, row.value, row.unit, row.baseline_value, row.ratio))
        }
    }

    static func write(_ rows: [Row], to path: String) throws {
        struct File: Encodable { var results: [Row] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // JSON has no NaN: a missing figure (no peer, no probe seen) is written as null.
        let data = try encoder.encode(File(results: rows.map(\.finite)))
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }
}

extension Row {
    /// The row with non-finite numbers replaced by 0 and the reason in the note.
    var finite: Row {
        var copy = self
        if !value.isFinite || !baseline_value.isFinite || !ratio.isFinite {
            copy.note += "; a figure could not be measured (written as 0)"
            if !value.isFinite { copy.value = 0 }
            if !baseline_value.isFinite { copy.baseline_value = 0 }
            if !ratio.isFinite { copy.ratio = 0 }
        }
        return copy
    }
}
