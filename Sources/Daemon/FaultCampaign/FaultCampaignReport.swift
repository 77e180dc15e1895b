import Foundation

/// The result of a fault campaign: one `FaultCheck` per injected fault, and whole-run figures.
public struct FaultCampaignReport: Sendable, Hashable, Codable {
    public var scenario: String
    public var speed: Double
    public var wallSeconds: Double
    /// The daemon's run had not ended on its own when the simulator stopped.
    public var daemonSurvived: Bool
    /// Signals or defects (whole run, any station) whose charted sample is missing or not good.
    public var badPointsCharted: Int
    public var faults: [FaultCheck]

    /// Every fault passed and the daemon survived the run.
    public var passed: Bool { daemonSurvived && badPointsCharted == 0 && !faults.isEmpty && faults.allSatisfy(\.passed) }

    enum CodingKeys: String, CodingKey {
        case scenario, speed, wallSeconds = "wall_s", daemonSurvived = "daemon_survived"
        case badPointsCharted = "bad_points_charted", faults, passed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(speed, forKey: .speed)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encode(daemonSurvived, forKey: .daemonSurvived)
        try container.encode(badPointsCharted, forKey: .badPointsCharted)
        try container.encode(faults, forKey: .faults)
        try container.encode(passed, forKey: .passed)
    }

    public init(
        scenario: String, speed: Double, wallSeconds: Double, daemonSurvived: Bool, badPointsCharted: Int, faults: [FaultCheck]
    ) {
        self.scenario = scenario
        self.speed = speed
        self.wallSeconds = wallSeconds
        self.daemonSurvived = daemonSurvived
        self.badPointsCharted = badPointsCharted
        self.faults = faults
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decode(String.self, forKey: .scenario)
        speed = try container.decode(Double.self, forKey: .speed)
        wallSeconds = try container.decode(Double.self, forKey: .wallSeconds)
        daemonSurvived = try container.decode(Bool.self, forKey: .daemonSurvived)
        badPointsCharted = try container.decode(Int.self, forKey: .badPointsCharted)
        faults = try container.decode([FaultCheck].self, forKey: .faults)
    }

    /// Pretty JSON (sorted keys).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A table: one row per fault, then the verdict.
    public var text: String {
        func yes(_ flag: Bool) -> String { flag ? "ok" : "FAIL" }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        var lines = [
            "fault campaign \(scenario): speed \(speed)x, \(String(format: "%.1f", wallSeconds)) s wall",
            pad("fault", 16) + pad("kind", 12) + pad("station", 13) + pad("window (wall s)", 17) + pad("daemon", 8)
                + pad("lost/allowed", 13) + pad("back after", 12) + pad("SPC clean", 11) + pad("DQ events", 11) + "result",
        ]
        for check in faults {
            let window = String(format: "%.1f-%.1f", check.startSeconds, check.endSeconds)
            let back = check.recoverySeconds.map { String(format: "%.2f s", $0) } ?? "never"
            lines.append(
                pad(check.fault, 16) + pad(check.kind, 12) + pad(check.station, 13) + pad(window, 17) + pad(yes(check.daemonUp), 8)
                    + pad("\(check.otherStationsLostUnits)/\(check.otherStationsAllowedUnits)", 13) + pad(back + (check.recovered ? "" : " FAIL"), 12)
                    + pad(check.unexplainedSPC == 0 ? "ok" : "FAIL \(check.unexplainedSPC)", 11)
                    + pad(check.dataQualityEvents > 0 ? "\(check.dataQualityEvents)" : "FAIL 0", 11) + (check.passed ? "PASS" : "FAIL"))
        }
        lines.append("daemon survived: \(yes(daemonSurvived)); bad points charted: \(badPointsCharted)")
        lines.append("\(faults.filter(\.passed).count)/\(faults.count) faults passed: \(passed ? "PASS" : "FAIL")")
        return lines.joined(separator: "\n")
    }
}
