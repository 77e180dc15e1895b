/// One thing wrong with a configuration: where, what was found, and what was expected.
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key path with array indices, e.g. `characteristics[2].lsl`.
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
        if let value {
            "\(keyPath): \(value) is not valid; expected \(expected)"
        } else {
            "\(keyPath): missing; expected \(expected)"
        }
    }
}

/// A configuration that cannot run, with every issue found (not only the first).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file (or `embedded demo configuration`) that was checked.
    public var source: String
    public var issues: [ConfigurationIssue]

    public init(source: String, issues: [ConfigurationIssue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        let count = issues.count == 1 ? "1 error" : "\(issues.count) errors"
        return "configuration \(source): \(count)\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
