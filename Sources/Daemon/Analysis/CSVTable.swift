import FoundationEssentials

/// A CSV file with a header row: RFC 4180 quoting, comma separated, CRLF or LF line ends, blank
/// lines ignored. Each row remembers its line number for error messages.
public struct CSVTable: Sendable, Hashable {
    public var header: [String]
    public var rows: [[String]]
    /// The 1-based line number of each row in the file.
    public var lines: [Int]
    public var file: String?

    /// Reads and parses a file.
    public static func load(path: String) throws(AnalysisError) -> CSVTable {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AnalysisError("no such file", file: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AnalysisError("cannot read the file (\(error))", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AnalysisError("the file is not UTF-8 text", file: path)
        }
        return try parse(text, file: path)
    }

    /// Parses CSV text.
    public static func parse(_ text: String, file: String? = nil) throws(AnalysisError) -> CSVTable {
        var records: [([String], Int)] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldWasQuoted) { records.append((record, recordLine)) }
            record = []
            field = ""
            fieldWasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.trimmedOfSpaces.isEmpty else {
                    throw AnalysisError("a quote inside an unquoted field", file: file, line: line)
                }
                field = ""
                inQuotes = true
                fieldWasQuoted = true
            } else if c == "," {
                record.append(field)
                field = ""
                fieldWasQuoted = false
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw AnalysisError("a quoted field is not closed", file: file, line: recordLine) }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = records.first else { throw AnalysisError("the file is empty; a header row is required", file: file) }
        let header = first.0.map { $0.trimmedOfSpaces }
        var rows: [[String]] = []
        var lines: [Int] = []
        for (fields, at) in records.dropFirst() {
            guard fields.count == header.count else {
                throw AnalysisError("expected \(header.count) fields as in the header, found \(fields.count)", file: file, line: at)
            }
            rows.append(fields.map { $0.trimmedOfSpaces })
            lines.append(at)
        }
        guard !rows.isEmpty else { throw AnalysisError("the file has a header but no data rows", file: file) }
        return CSVTable(header: header, rows: rows, lines: lines, file: file)
    }

    /// The index of the first column whose lower-cased name is in `names`.
    public func column(named names: [String]) -> Int? {
        header.firstIndex { names.contains($0.lowercased()) }
    }

    /// The number in a cell, or an error naming line and column.
    public func number(row: Int, column: Int) throws(AnalysisError) -> Double {
        let text = rows[row][column]
        guard let value = Double(text), value.isFinite else {
            let shown = text.isEmpty ? "an empty cell" : "'\(text)'"
            throw AnalysisError("\(shown) is not a number", file: file, line: lines[row], column: header[column])
        }
        return value
    }

    /// True if every cell of the column parses as a number.
    public func isNumeric(column: Int) -> Bool {
        rows.allSatisfy { Double($0[column]) != nil }
    }
}
