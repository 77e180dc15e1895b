import Foundation

/// Paths and JSON helpers for the analysis tests (reference data in `seeds/reference/spc`).
enum AnalysisFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dataPath(_ name: String) -> String {
        root.appendingPathComponent("seeds/reference/spc/data/\(name)").path
    }

    static func expected(_ file: String = "qcc_expected.json") throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("seeds/reference/spc/\(file)"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    static func number(_ any: Any?) -> Double { (any as? NSNumber)?.doubleValue ?? .nan }

    static func numbers(_ any: Any?) -> [Double] { (any as? [Any])?.map { number($0) } ?? [] }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(b), 1e-12)
    }

    /// 1-based index -> rule of the points that signal.
    static func violations(_ points: [[String: Any]]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for p in points { if let v = p["violation"] as? NSNumber { out[(p["index"] as! NSNumber).intValue] = v.intValue } }
        return out
    }

    static func referenceViolations(_ any: Any?) -> [Int: Int] {
        guard let map = any as? [String: Any] else { return [:] }
        var out: [Int: Int] = [:]
        for (k, v) in map { out[Int(k)!] = (v as! NSNumber).intValue }
        return out
    }
}
