import Daemon
import FuzzSupport
import SPC

/// libFuzzer's entry: the first byte picks the chart kind and Phase I length of a `lineguard
/// analyze` request, the rest is the CSV file (invalid UTF-8 replaced).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data: data, count: count)
    let choice = input.byte()
    let text = String(decoding: input.remaining, as: UTF8.self)
    let table: CSVTable
    do {
        table = try CSVTable.parse(text, file: "fuzz.csv")
    } catch {
        invariant(error.file == "fuzz.csv" && error.line.map { $0 >= 1 } ?? true, "error \(error) names no place")
        return 0
    }
    CSVCheck.table(table)
    let kinds = AnalysisChartKind.allCases
    let phase1 = choice & 0x80 == 0 ? nil : Int(choice >> 4 & 0x7)
    let request = AnalysisRequest(chart: kinds[Int(choice) % kinds.count], phase1: phase1)
    guard let report = try? AnalysisRunner.run(request, table: table) else { return 0 }
    CSVCheck.report(report, rows: table.rows.count)
    return 0
}

/// What a parsed table and an analysis report must satisfy.
enum CSVCheck {
    static func table(_ table: CSVTable) {
        invariant(!table.rows.isEmpty && table.rows.count == table.lines.count, "rows and line numbers disagree")
        invariant(table.rows.allSatisfy { $0.count == table.header.count }, "a row of another width than the header")
        invariant(zip(table.lines, table.lines.dropFirst()).allSatisfy { $0 < $1 } && table.lines[0] >= 2,
                  "line numbers not increasing: \(table.lines)")
        for cell in table.header + table.rows.joined() {
            invariant(cell == cell.trimmingSpacesAndTabs, "cell '\(cell)' not trimmed")
        }
        // Written back with every field quoted, the table reads the same.
        let written = ([table.header] + table.rows).map { row in
            row.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let again = try? CSVTable.parse(written, file: table.file)
        invariant(again?.header == table.header && again?.rows == table.rows, "the table does not round-trip")
    }

    static func report(_ report: AnalysisReport, rows: Int) {
        invariant(report.labels.count <= rows, "\(report.labels.count) labels from \(rows) rows")
        invariant((0...report.labels.count).contains(report.phase1Count), "phase 1 of \(report.phase1Count)")
        invariant(report.excluded.allSatisfy { $0 >= 1 && $0 <= report.labels.count }, "excluded \(report.excluded)")
        invariant(!report.charts.isEmpty, "a report without a chart")
        for chart in report.charts {
            for point in chart.points {
                invariant(report.labels.indices.contains(point.source), "point from source \(point.source)")
            }
        }
        invariant(!report.json.rendered().isEmpty && !report.text.isEmpty, "an empty rendering")
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (what the reader trims from every cell).
    var trimmingSpacesAndTabs: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
