import Foundation
import Simulator

/// Paths to the shipped line and scenario files, and cached loads of them.
enum Fixtures {
    /// The repository root (this file is Tests/SimulatorTests/Fixtures.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The line study of the reference line (computed once: ~10 s in a debug build).
    static let study: LineStudy = {
        do { return try LineStudy(line: line) } catch { fatalError("the line study failed: \(error)") }
    }()

    static let line: LineDefinition = {
        do { return try LineDefinition.load(path: path("seeds/lines/reference-line.toml")) } catch {
            fatalError("reference line does not load: \(error)")
        }
    }()

    /// Every scenario file of seeds/scenarios (name -> path).
    static let scenarioPaths: [String: String] = {
        let directory = path("seeds/scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.filter { $0.hasSuffix(".toml") }.map { (String($0.dropLast(5)), directory + "/" + $0) })
    }()

    static func scenario(_ name: String) throws -> ScenarioDefinition {
        try ScenarioDefinition.load(path: path("seeds/scenarios/\(name).toml"))
    }

    /// Runs the engine over the scenario's whole duration; returns records and truth.
    static func play(_ scenario: ScenarioDefinition, seed: UInt64? = nil, seconds: Double? = nil) throws -> (records: [StationRecord], truth: [TruthEvent]) {
        var engine = try LineEngine(line: line, scenario: scenario, seed: seed)
        let records = engine.advance(to: seconds ?? scenario.duration)
        return (records, engine.drainTruth() + engine.finish())
    }
}
