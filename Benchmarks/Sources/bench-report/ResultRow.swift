import Foundation

/// One row as every area's JSON writes it (`note` is optional).
struct ResultRow: Codable {
    var name: String
    var unit: String
    var value: Double
    var baseline_name: String
    var baseline_value: Double
    var ratio: Double
    var note: String?
    /// The area file it came from (spc, modbus, ...), added by the report.
    var area: String?
}

/// `{"results": [...]}`, the file of one area.
struct AreaFile: Codable {
    var results: [ResultRow]
}

/// The merged file: `{"machine": {...}, "results": [...]}`.
struct LatestFile: Encodable {
    var machine: MachineInfo
    var command: String
    var missing: [String]
    var results: [ResultRow]
}
