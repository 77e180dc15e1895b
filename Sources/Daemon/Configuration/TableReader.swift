import TOMLKit

/// Collects issues while a configuration is read, so that every error is reported at once.
final class IssueCollector {
    private(set) var issues: [ConfigurationIssue] = []

    func add(_ keyPath: String, _ value: String?, expected: String) {
        issues.append(ConfigurationIssue(keyPath: keyPath, value: value, expected: expected))
    }
}

/// Typed, path-aware access to one TOML table. Every accessor records an issue (never throws)
/// and returns nil when the value is missing or of the wrong kind; `finish()` reports keys
/// that nothing asked for, since a misspelt key silently ignored is a classic plant outage.
final class TableReader {
    let path: String
    private let table: TOMLTable
    private let issues: IssueCollector
    private var consumed: Set<String> = []

    init(table: TOMLTable, path: String, issues: IssueCollector) {
        self.table = table
        self.path = path
        self.issues = issues
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { table[key] != nil }

    func isString(_ key: String) -> Bool { table[key]?.string != nil }

    /// The string at `key` without recording anything (for cross-references).
    func peekString(_ key: String) -> String? { table[key]?.string }

    /// Records an issue about `key` of this table.
    func report(_ key: String, expected: String) {
        issues.add(keyPath(key), table[key].map(Self.render), expected: expected)
    }

    func string(_ key: String, required: Bool = true, expected: String = "a string") -> String? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let string = value.string else { return mismatch(key, value, expected) }
        return string
    }

    func int(_ key: String, required: Bool = true, in range: ClosedRange<Int>? = nil, expected: String? = nil) -> Int? {
        let text = expected ?? range.map { "an integer from \($0.lowerBound) to \($0.upperBound)" } ?? "an integer"
        guard let value = lookup(key, required: required, expected: text) else { return nil }
        guard let int = value.int, range?.contains(int) ?? true else { return mismatch(key, value, text) }
        return int
    }

    /// A number; integers are accepted where a float is expected (`lsl = 77` means 77.0).
    func double(_ key: String, required: Bool = true, expected: String = "a number") -> Double? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        if let double = value.double, double.isFinite { return double }
        if let int = value.int { return Double(int) }
        return mismatch(key, value, expected)
    }

    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = lookup(key, required: required, expected: "true or false") else { return nil }
        guard let bool = value.bool else { return mismatch(key, value, "true or false") }
        return bool
    }

    /// One of a fixed set of strings, parsed by `make`.
    func choice<T>(_ key: String, required: Bool = true, _ options: [String], _ make: (String) -> T?) -> T? {
        let expected = "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let string = value.string, let result = make(string) else { return mismatch(key, value, expected) }
        return result
    }

    func numberArray(_ key: String, required: Bool = true, expected: String) -> [Double]? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let array = value.array else { return mismatch(key, value, expected) }
        var numbers: [Double] = []
        for element in array {
            if let double = element.double, double.isFinite {
                numbers.append(double)
            } else if let int = element.int {
                numbers.append(Double(int))
            } else {
                return mismatch(key, value, expected)
            }
        }
        return numbers
    }

    func subtable(_ key: String, required: Bool = true) -> TableReader? {
        guard let value = lookup(key, required: required, expected: "a table") else { return nil }
        guard let table = value.table else { return mismatch(key, value, "a table") }
        return TableReader(table: table, path: keyPath(key), issues: issues)
    }

    /// An array of tables (`[[key]]`); an empty array when absent and not required.
    func tables(_ key: String, required: Bool = true) -> [TableReader] {
        guard let value = lookup(key, required: required, expected: "an array of tables [[\(key)]]") else { return [] }
        guard let array = value.array else { return mismatch(key, value, "an array of tables [[\(key)]]") ?? [] }
        var readers: [TableReader] = []
        for (index, element) in array.enumerated() {
            if let table = element.table {
                readers.append(TableReader(table: table, path: "\(keyPath(key))[\(index)]", issues: issues))
            } else {
                issues.add("\(keyPath(key))[\(index)]", Self.render(element), expected: "a table")
            }
        }
        return readers
    }

    /// Reports every key of this table that no accessor asked for.
    func finish() {
        for key in table.keys.sorted() where !consumed.contains(key) {
            issues.add(keyPath(key), table[key].map(Self.render), expected: "no such key here (misspelt or not supported)")
        }
    }

    private func lookup(_ key: String, required: Bool, expected: String) -> (any TOMLValueConvertible)? {
        consumed.insert(key)
        guard let value = table[key] else {
            if required { issues.add(keyPath(key), nil, expected: expected) }
            return nil
        }
        return value
    }

    private func mismatch<T>(_ key: String, _ value: any TOMLValueConvertible, _ expected: String) -> T? {
        issues.add(keyPath(key), Self.render(value), expected: expected)
        return nil
    }

    /// The value as it would be written in TOML, for messages.
    static func render(_ value: any TOMLValueConvertible) -> String {
        if let string = value.string { return "\"\(string)\"" }
        if value.table != nil { return "a table" }
        if let array = value.array { return "[" + array.map { render($0) }.joined(separator: ", ") + "]" }
        return value.debugDescription
    }
}
