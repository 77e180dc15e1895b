import Foundation

/// Access to the reference data copied into the repository (`seeds/reference/spc`).
enum Reference {
    /// The repository root, found from this file's path (Tests/SPCTests/Reference.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = root.appendingPathComponent("seeds/reference/spc")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Rows of a data CSV as dictionaries of column -> text.
    static func csv(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent("data/\(name)"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map { String($0).trimmingCharacters(in: .init(charactersIn: "\" ")) }
        return lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .init(charactersIn: "\" "))
            }
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    static func doubles(_ any: Any?) -> [Double] {
        (any as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }

    static func double(_ any: Any?) -> Double {
        (any as? NSNumber)?.doubleValue ?? .nan
    }

    /// "1-based index -> rule" maps (an empty JSON list means none).
    static func violations(_ any: Any?) -> [Int: Int] {
        guard let map = any as? [String: Any] else { return [:] }
        var out: [Int: Int] = [:]
        for (k, v) in map { out[Int(k)!] = (v as! NSNumber).intValue }
        return out
    }

    /// Relative difference, with an absolute floor for values near zero.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(b), 1e-12)
    }

    static func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
    }
}

/// The pistonrings data as subgroups (40 subgroups of 5, in order of first appearance).
enum PistonRings {
    static func subgroups() throws -> [[Double]] {
        var order: [String] = []
        var groups: [String: [Double]] = [:]
        for row in try Reference.csv("pistonrings.csv") {
            let key = row["sample"]!
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(Double(row["diameter"]!)!)
        }
        return order.map { groups[$0]! }
    }
}
