import Foundation

/// The human table of all rows: figures with SI prefixes, ratio to three decimals.
enum Table {
    static func render(_ rows: [ResultRow]) -> String {
        let header = ["row", "value", "unit", "baseline", "baseline value", "ratio"]
        let body = rows.map { row in
            [row.name, number(row.value), row.unit, row.baseline_name, number(row.baseline_value), String(format: "%.3f", row.ratio)]
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [1, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + body.map(line)).joined(separator: "\n")
    }

    /// About 3 significant figures, with k/M/G above 10 000.
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            magnitude >= 1e9 ? (value / 1e9, " G") : magnitude >= 1e6 ? (value / 1e6, " M") : magnitude >= 1e4 ? (value / 1e3, " k") : (value, "")
        return String(format: abs(scaled) >= 100 ? "%.0f" : "%.3g", scaled) + suffix
    }
}
