import Foundation

/// Finds SQL text in the Store sources that is built from anything but string literals: the
/// interpolations (`\(...)`) and the non-literal fragments (`X.select + "..."`) in the first
/// argument of every `statement(`, `scalar(` and `execute(` call. Values must be bound with `?`;
/// what remains are identifiers and constant fragments, each listed in `allowed` with its reason.
struct SQLInterpolation: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var expression: String

    /// `File.swift: expression`, the key of `allowed`.
    var key: String { "\(file): \(expression)" }
    var description: String { "\(file):\(line): \(expression)" }

    /// Every interpolation and fragment that may build SQL text, and why each is safe.
    static let allowed: Set<String> = [
        // A constant column list of a static let, shared by the SELECTs of lots.
        "StoreReader+Status.swift: \\(LotRecord.columns)",
        "StoreReader+Records.swift: \\(LotRecord.columns)",
        // links(where:) is private and called only with the literals "p.code = ?" and "c.code = ?".
        "StoreReader+Records.swift: \\(condition)",
        // Table names read from sqlite_schema for the row counts of `stats` (identifiers cannot be
        // bound); a read-only connection, double-quoted.
        "StoreReader+Status.swift: \\(table)",
        // An Int: the schema version after a migration.
        "Migrator.swift: \\(version)",
        // The frozen migration scripts, static constants of Migration.
        "Migrator.swift: migration.sql",
        // The one door to SQLite: Connection forwards its own `sql` parameter, and picks one of
        // two literal PRAGMAs by `durability`.
        "Connection.swift: sql",
        "Connection.swift: durability",
        // Constant SELECT lists (static lets next to their row readers in RecordRows.swift).
        "StoreReader+Records.swift: DefectRecord.select",
        "StoreReader+Records.swift: SignalRecord.select",
        "StoreReader+Records.swift: HoldRecord.select",
        "StoreReader+Records.swift: DispositionRecord.select",
        "StoreReader+Records.swift: AuditRecord.select",
        "StoreReader+Records.swift: DataQualityRecord.select",
        "StoreReader+Status.swift: SignalRecord.select",
        "StoreReader+Status.swift: DefectRecord.select",
    ]

    static let calls = ["statement(", "scalar(", "execute("]

    /// Scans every Swift file under `directory`.
    static func scan(directory: String) throws -> [SQLInterpolation] {
        var findings: [SQLInterpolation] = []
        guard let files = FileManager.default.enumerator(atPath: directory) else { return [] }
        for case let relative as String in files where relative.hasSuffix(".swift") {
            let text = try String(contentsOfFile: directory + "/" + relative, encoding: .utf8)
            findings += scan(text, file: (relative as NSString).lastPathComponent)
        }
        return findings
    }

    static func scan(_ source: String, file: String) -> [SQLInterpolation] {
        let text = Array(source)
        var findings: [SQLInterpolation] = []
        var index = 0
        while index < text.count {
            guard let call = calls.first(where: { matches($0, in: text, at: index) }),
                index == 0 || !(text[index - 1].isLetter || text[index - 1].isNumber || text[index - 1] == "_"),
                !precededByFunc(text, index)
            else {
                index += 1
                continue
            }
            let start = index + call.count
            let (argument, end) = firstArgument(text, from: start)
            let line = text[..<index].filter { $0 == "\n" }.count + 1
            for expression in interpolations(argument) {
                findings.append(SQLInterpolation(file: file, line: line, expression: "\\(\(expression))"))
            }
            for fragment in fragments(argument) {
                findings.append(SQLInterpolation(file: file, line: line, expression: fragment))
            }
            index = max(end, index + 1)
        }
        return findings
    }

    private static func matches(_ word: String, in text: [Character], at index: Int) -> Bool {
        let characters = Array(word)
        guard index + characters.count <= text.count else { return false }
        return Array(text[index..<index + characters.count]) == characters
    }

    private static func precededByFunc(_ text: [Character], _ index: Int) -> Bool {
        let from = max(0, index - 5)
        return String(text[from..<index]).hasSuffix("func ")
    }

    /// The first argument's text (literals included) and the index after it.
    private static func firstArgument(_ text: [Character], from start: Int) -> (String, Int) {
        var index = start
        var depth = 0
        var out: [Character] = []
        while index < text.count {
            if matches("\"\"\"", in: text, at: index) {
                let end = literalEnd(text, from: index + 3, triple: true)
                out += text[index..<end]
                index = end
                continue
            }
            let character = text[index]
            if character == "\"" {
                let end = literalEnd(text, from: index + 1, triple: false)
                out += text[index..<end]
                index = end
                continue
            }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            if character == "," && depth == 0 { break }
            out.append(character)
            index += 1
        }
        return (String(out), index)
    }

    /// The index just after the literal that starts before `from`; interpolations may nest.
    private static func literalEnd(_ text: [Character], from start: Int, triple: Bool) -> Int {
        var index = start
        while index < text.count {
            if text[index] == "\\" && index + 1 < text.count {
                if text[index + 1] == "(" {
                    index = balancedEnd(text, from: index + 2)
                    continue
                }
                index += 2
                continue
            }
            if triple ? matches("\"\"\"", in: text, at: index) : text[index] == "\"" {
                return index + (triple ? 3 : 1)
            }
            index += 1
        }
        return index
    }

    /// The index after the `)` that closes a `(` just before `from`.
    private static func balancedEnd(_ text: [Character], from start: Int) -> Int {
        var depth = 1
        var index = start
        while index < text.count && depth > 0 {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" { depth -= 1 }
            index += 1
        }
        return index
    }

    /// The expressions interpolated into the argument's literals.
    private static func interpolations(_ argument: String) -> [String] {
        let text = Array(argument)
        var found: [String] = []
        var index = 0
        while index + 1 < text.count {
            if text[index] == "\\" && text[index + 1] == "(" {
                let end = balancedEnd(text, from: index + 2)
                found.append(String(text[(index + 2)..<max(index + 2, end - 1)]))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Identifiers outside the literals (what is concatenated with them, or passed instead).
    private static func fragments(_ argument: String) -> [String] {
        let text = Array(argument)
        var outside: [Character] = []
        var index = 0
        while index < text.count {
            if matches("\"\"\"", in: text, at: index) {
                index = literalEnd(text, from: index + 3, triple: true)
                outside.append(" ")
            } else if text[index] == "\"" {
                index = literalEnd(text, from: index + 1, triple: false)
                outside.append(" ")
            } else {
                outside.append(text[index])
                index += 1
            }
        }
        return String(outside).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") })
            .map(String.init).filter { $0.first?.isLetter == true || $0.first == "_" }
    }
}
