import Foundation
import Simulator
import Testing

@Suite struct DaemonConfigurationWriterTests {
    @Test func theDaemonConfigurationMatchesTheMaps() throws {
        let ports = Dictionary(uniqueKeysWithValues: Fixtures.line.stations.map { ($0.name, 15020 + $0.portOffset) })
        let text = DaemonConfigurationWriter.toml(line: Fixtures.line, ports: ports, speed: 60)
        #expect(text.contains("[[devices]]\nname = \"filling-plc\"\nendpoint = \"127.0.0.1:15025\""))
        #expect(text.contains("id = \"filling.fill_weight.n3\""))
        #expect(text.contains("equipment = \"nozzle-3\""))
        #expect(text.contains("id = \"dry_room.dew_point_assembly\""))
        #expect(text.contains("byte_order = \"CDAB\""))
        let characteristicCount = Fixtures.line.stations.reduce(0) { total, station in
            total + station.characteristics.reduce(0) { $0 + station.valueCount($1) }
        }
        #expect(text.components(separatedBy: "[[characteristics]]").count - 1 == characteristicCount)
        #expect(text.components(separatedBy: "[[devices]]").count - 1 == Fixtures.line.stations.count)
        // The nozzle-3 entry reads the same registers as config/demo.toml.
        let n3 = text.components(separatedBy: "[[characteristics]]").first { $0.contains("\"filling.fill_weight.n3\"") } ?? ""
        #expect(n3.contains("address = 104\n"))
        #expect(n3.contains("sequence = { register = \"holding\", address = 204, type = \"uint32\" }"))
        #expect(n3.contains("lsl = 76.8\ntarget = 78.0\nusl = 79.2\n"))
    }

    /// seeds/lines/reference-line.lineguard.toml is the writer's output with the line study's
    /// limits (ports 15020 + offset, speed 60). After a change to the line file or the writer,
    /// regenerate it with `LINEGUARD_REGENERATE=1 swift test --filter theShippedConfiguration`.
    @Test func theShippedConfigurationIsTheWritersOutput() throws {
        let ports = Dictionary(uniqueKeysWithValues: Fixtures.line.stations.map { ($0.name, 15020 + $0.portOffset) })
        let path = Fixtures.path("seeds/lines/reference-line.lineguard.toml")
        let written = DaemonConfigurationWriter.toml(
            line: Fixtures.line, ports: ports, speed: 60, study: Fixtures.study)
        if ProcessInfo.processInfo.environment["LINEGUARD_REGENERATE"] == "1" {
            try written.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
    }

    /// The study's estimates are close to the line file's in-control model (two days of line).
    @Test func theLineStudyRecoversTheInControlModel() throws {
        let study = Fixtures.study
        let fill = try #require(study.estimates["filling.fill_weight.n1"])
        #expect(abs(fill.center - 78) < 0.01 && abs(fill.sigma / 0.24 - 1) < 0.03 && abs(fill.phi) < 0.02)
        let loading = try #require(study.estimates["coating.loading.lane1"])
        #expect(abs(loading.phi - 0.6) < 0.05 && loading.sigma > 0.08)
        let k = try #require(study.estimates["grading.self_discharge_k"])
        #expect(abs(k.center - log(0.1)) < 0.01 && abs(k.sigma / 0.35 - 1) < 0.03)
    }
}
