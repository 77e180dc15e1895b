/// One thing wrong with a line or scenario file: where, what was found, what was expected.
public struct DefinitionIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key path with array indices, e.g. `stations[2].characteristics[0].sigma`.
    public var keyPath: String
    /// The offending value as written, or nil when the key is missing.
    public var value: String?
    public var expected: String

    public init(keyPath: String, value: String?, expected: String) {
        self.keyPath = keyPath
        self.value = value
        self.expected = expected
    }

    public var description: String {
        if let value { "\(keyPath): \(value) is not valid; expected \(expected)" } else { "\(keyPath): missing; expected \(expected)" }
    }
}

/// A line or scenario definition that cannot run, with every issue found (not only the first).
public struct DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or text label) that was checked.
    public var source: String
    public var issues: [DefinitionIssue]

    public init(source: String, issues: [DefinitionIssue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        let count = issues.count == 1 ? "1 error" : "\(issues.count) errors"
        return "\(source): \(count)\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
