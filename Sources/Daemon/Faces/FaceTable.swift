import Foundation

/// Rows of named columns: what most read commands print. One model, three writers: aligned
/// text for people, an array of objects (keys = column names) for programs, CSV for
/// spreadsheets.
public struct FaceTable: Sendable, Hashable {
    /// Column names: snake_case, stable (they are the JSON keys and the CSV header).
    public var columns: [String]
    public var rows: [[FaceValue]]

    public init(columns: [String], rows: [[FaceValue]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table in `format`. `colour` adds ANSI colours to the status words of text output.
    public func rendered(_ format: FaceFormat, colour: Bool = false, title: String? = nil) -> String {
        switch format {
        case .text: text(colour: colour, title: title)
        case .json: json.rendered(pretty: true)
        case .csv: csv
        }
    }

    /// `[{column: value, ...}, ...]`.
    public var json: JSONText {
        .array(rows.map { row in .object(zip(columns, row).map { ($0, $1.json) }) })
    }

    /// RFC 4180: a header row, CRLF line ends, fields quoted where needed. A text cell that a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@` and not a number) gets a leading
    /// apostrophe: lot ids come from PLCs.
    public var csv: String {
        var lines = [columns.map(Self.field).joined(separator: ",")]
        for row in rows {
            lines.append(row.map { cell -> String in
                var text = cell.csv
                if case .text = cell, let first = text.first, "=+-@".contains(first), Double(text) == nil {
                    text = "'" + text
                }
                return Self.field(text)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Aligned columns with a header; numbers right-aligned. Columns empty in every row are
    /// left out (JSON and CSV keep them: their shape is fixed).
    public func text(colour: Bool, title: String? = nil) -> String {
        var out: [String] = []
        if let title { out.append(title + " (\(rows.count))") }
        guard !rows.isEmpty else {
            out.append("  (none)")
            return out.joined(separator: "\n")
        }
        let kept = columns.indices.filter { i in rows.contains { $0[i] != .null } }
        guard kept.count < columns.count else { return out.joined(separator: "\n") + "\n" + aligned(colour: colour) }
        let narrowed = FaceTable(columns: kept.map { columns[$0] }, rows: rows.map { row in kept.map { row[$0] } })
        return out.joined(separator: "\n") + "\n" + narrowed.aligned(colour: colour)
    }

    private func aligned(colour: Bool) -> String {
        var out: [String] = []
        let cells = rows.map { $0.map { FaceText.clean($0.display) } }
        var widths = columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = Swift.max(widths[i], Swift.min(cell.count, 40)) }
        }
        let numeric = columns.indices.map { i in
            rows.allSatisfy { row in
                switch row[i] {
                case .number, .integer, .null: true
                default: false
                }
            }
        }
        func line(_ row: [String], painted: [FaceValue]?) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let shown = cell.count > 40 ? String(cell.prefix(39)) + "\u{2026}" : cell
                let padded = numeric[i] ? NumberFormat.pad(shown, widths[i]) : NumberFormat.padRight(shown, widths[i])
                if colour, let painted, case .text(let word) = painted[i] {
                    parts.append(ANSIColour.paint(padded, word: word))
                } else {
                    parts.append(padded)
                }
            }
            return "  " + parts.joined(separator: "  ").trailingSpacesRemoved
        }
        out.append(line(columns.map { $0.uppercased() }, painted: nil))
        for (row, values) in zip(cells, rows) { out.append(line(row, painted: values)) }
        return out.joined(separator: "\n")
    }
}
