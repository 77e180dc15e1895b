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

    @Test func theShippedConfigurationIsTheWritersOutput() throws {
        let ports = Dictionary(uniqueKeysWithValues: Fixtures.line.stations.map { ($0.name, 15020 + $0.portOffset) })
        let shipped = try String(contentsOfFile: Fixtures.path("seeds/lines/reference-line.lineguard.toml"), encoding: .utf8)
        #expect(shipped == DaemonConfigurationWriter.toml(line: Fixtures.line, ports: ports, speed: 60))
    }
}
