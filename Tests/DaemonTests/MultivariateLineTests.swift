@testable import Daemon
import Foundation
import LineModel
import Simulator
import Testing

/// The simulator's `[[multivariate]]` line tables and the daemon configuration written from them.
@Suite struct MultivariateLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func line() throws -> LineDefinition {
        try LineDefinition.load(path: root.appendingPathComponent("seeds/lines/reference-line.toml").path)
    }

    @Test func theReferenceLineWritesOneT2ChartPerLaneThatTheDaemonLoads() throws {
        let line = try Self.line()
        let chart = try #require(line.multivariate.first)
        #expect(chart.variables == ["coating.loading", "calendering.thickness", "calendering.density"])
        #expect(line.streamCount(of: chart) == 8)
        let ports = Dictionary(uniqueKeysWithValues: line.stations.map { ($0.name, 15020 + $0.portOffset) })
        let text = DaemonConfigurationWriter.toml(line: line, ports: ports, speed: 240)
        let configuration = try ConfigurationLoader.load(text: text, source: "generated")
        #expect(configuration.multivariate.count == 8)
        let lane3 = try #require(configuration.multivariate.first { $0.id.rawValue == "calendering.t2_loading_thickness_density.lane3" })
        #expect(lane3.station == "calendering")
        #expect(lane3.variables.map(\.rawValue) == ["coating.loading.lane3", "calendering.thickness.lane3", "calendering.density.lane3"])
        #expect(lane3.trigger.rawValue == "calendering.density.lane3")
        #expect(lane3.maxAgeSeconds == 0.25, "60 line seconds at speed 240")
        #expect(lane3.phase1 == 200)
        #expect(lane3.confidence == 0.999)
        #expect(configuration.lineDescription.characteristics.contains { $0.id == lane3.id && $0.chart == "t2" })
    }

    @Test func maxAgeIsAtLeastThreePollsOfTheSlowestStation() throws {
        let line = try Self.line()
        // At speed 1 the coating's poll interval is 1 s (clamped): 60 s stays 60 s.
        #expect(DaemonConfigurationWriter.multivariateTables(line: line, speed: 1).contains("max_age_s = 60.0\n"))
        // At speed 100 000 the 60 line seconds are 0.6 ms, below three 10 ms polls.
        #expect(DaemonConfigurationWriter.multivariateTables(line: line, speed: 100_000).contains("max_age_s = 0.03\n"))
    }

    @Test func badLineTablesAreReportedWithKeyPaths() throws {
        let base = try String(contentsOf: Self.root.appendingPathComponent("seeds/lines/reference-line.toml"), encoding: .utf8)
        let text = base + """

            [[multivariate]]
            name = "t2_bad"
            station = "mixing"
            variables = ["coating.loading", "coating.viscosity"]
            trigger = "calendering.density"
            max_age_s = -1
            phase1 = 3
            colour = 1
            """
        do {
            _ = try LineDefinition.load(text: text, source: "line")
            Issue.record("must not load")
        } catch {
            let keyPaths = Set(error.issues.map(\.keyPath))
            for key in ["station", "variables", "trigger", "max_age_s", "phase1", "colour"] {
                #expect(keyPaths.contains("multivariate[1].\(key)"), "\(key)")
            }
        }
    }
}
