import Foundation
import TOMLKit

/// Collects issues while a definition is read, so that every error is reported at once.
final class IssueList {
    private(set) var issues: [DefinitionIssue] = []

    func add(_ keyPath: String, _ value: String?, expected: String) {
        issues.append(DefinitionIssue(keyPath: keyPath, value: value, expected: expected))
    }
}

/// Typed, path-aware access to one TOML table of a line or scenario file. Accessors record an
/// issue and return nil on a missing or mistyped value; `finish()` reports keys nobody read, so
/// a misspelt key is an error rather than a silently ignored default.
final class DefinitionReader {
    let path: String
    private let table: TOMLTable
    let issues: IssueList
    private var consumed: Set<String> = []

    init(table: TOMLTable, path: String, issues: IssueList) {
        self.table = table
        self.path = path
        self.issues = issues
    }

    /// Parses `text` into a root reader; a syntax error becomes a `DefinitionError`.
    static func root(text: String, source: String) throws(DefinitionError) -> DefinitionReader {
        do {
            return DefinitionReader(table: try TOMLTable(string: text), path: "", issues: IssueList())
        } catch let error as TOMLParseError {
            let at = "line \(error.source.begin.line), column \(error.source.begin.column)"
            throw DefinitionError(source: source, issues: [.init(keyPath: "(syntax, \(at))", value: nil, expected: "valid TOML")])
        } catch {
            throw DefinitionError(source: source, issues: [.init(keyPath: "(syntax)", value: nil, expected: "valid TOML")])
        }
    }

    /// Reads a whole file; an unreadable file becomes a `DefinitionError`.
    static func text(path: String) throws(DefinitionError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DefinitionError(source: path, issues: [.init(keyPath: "(file)", value: path, expected: "a readable UTF-8 TOML file")])
        }
        return text
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { table[key] != nil }

    /// Records an issue about `key` of this table.
    func report(_ key: String, expected: String) {
        issues.add(keyPath(key), table[key].map(Self.render), expected: expected)
    }

    func string(_ key: String, required: Bool = true, expected: String = "a string") -> String? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let string = value.string, !string.isEmpty else { return mismatch(key, value, expected) }
        return string
    }

    func int(_ key: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let int = value.int, range.contains(int) else { return mismatch(key, value, expected) }
        return int
    }

    /// A finite number within `range` (integers are accepted: `sigma = 1` means 1.0).
    func double(_ key: String, required: Bool = true, in range: ClosedRange<Double>? = nil, expected: String? = nil) -> Double? {
        let text = expected ?? range.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number"
        guard let value = lookup(key, required: required, expected: text) else { return nil }
        let number = value.double ?? value.int.map(Double.init)
        guard let number, number.isFinite, range?.contains(number) ?? true else { return mismatch(key, value, text) }
        return number
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

    func numbers(_ key: String, required: Bool = true, expected: String) -> [Double]? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let array = value.array else { return mismatch(key, value, expected) }
        var result: [Double] = []
        for element in array {
            guard let number = element.double ?? element.int.map(Double.init), number.isFinite else {
                return mismatch(key, value, expected)
            }
            result.append(number)
        }
        return result
    }

    func strings(_ key: String, required: Bool = true, expected: String) -> [String]? {
        guard let value = lookup(key, required: required, expected: expected) else { return nil }
        guard let array = value.array else { return mismatch(key, value, expected) }
        let result = array.compactMap(\.string)
        guard result.count == array.count else { return mismatch(key, value, expected) }
        return result
    }

    func subtable(_ key: String, required: Bool = true) -> DefinitionReader? {
        guard let value = lookup(key, required: required, expected: "a table") else { return nil }
        guard let table = value.table else { return mismatch(key, value, "a table") }
        return DefinitionReader(table: table, path: keyPath(key), issues: issues)
    }

    /// An array of tables (`[[key]]`); empty when absent and not required.
    func tables(_ key: String, required: Bool = true) -> [DefinitionReader] {
        let expected = "an array of tables [[\(key)]]"
        guard let value = lookup(key, required: required, expected: expected) else { return [] }
        guard let array = value.array else { return mismatch(key, value, expected) ?? [] }
        var readers: [DefinitionReader] = []
        for (index, element) in array.enumerated() {
            if let table = element.table {
                readers.append(DefinitionReader(table: table, path: "\(keyPath(key))[\(index)]", issues: issues))
            } else {
                issues.add("\(keyPath(key))[\(index)]", Self.render(element), expected: "a table")
            }
        }
        return readers
    }

    /// The keys of this table (for open-ended tables such as model parameters).
    var keys: [String] { table.keys.sorted() }

    /// Reports every key of this table that no accessor asked for.
    func finish() {
        for key in table.keys.sorted() where !consumed.contains(key) {
            issues.add(keyPath(key), table[key].map(Self.render), expected: "no such key here (misspelt or not supported)")
        }
    }

    /// Throws every issue collected so far under `source`.
    func throwIfIssues(source: String) throws(DefinitionError) {
        if !issues.issues.isEmpty { throw DefinitionError(source: source, issues: issues.issues) }
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
