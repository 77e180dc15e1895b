/// A problem with an offline-analysis request or its input file, with where it was found: the
/// 1-based line and the column name when the problem is in one cell.
public struct AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: String?

    public init(_ message: String, file: String? = nil, line: Int? = nil, column: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append("line \(line)") }
        if let column { location.append("column '\(column)'") }
        return location.isEmpty ? message : location.joined(separator: ", ") + ": " + message
    }
}
