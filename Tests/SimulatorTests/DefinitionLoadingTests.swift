import ModbusKit
import Simulator
import Testing

@Suite struct DefinitionLoadingTests {
    @Test func referenceLineHasEveryStationOfTheChain() {
        let line = Fixtures.line
        #expect(line.stations.map(\.model) == [.coating, .calendering, .slitting, .dryRoom, .vacuumDrying, .filling, .grading])
        #expect(Set(line.stations.map(\.portOffset)).count == line.stations.count)
        let dryRoom = line.station(named: "dry_room")
        #expect(dryRoom?.byteOrder == .cdab)
        let filling = line.station(named: "filling")
        #expect(filling?.streams == 8)
        #expect(filling?.characteristics.first?.address == 100)
        #expect(filling?.map.streamCounters == 200)
    }

    @Test func everyScenarioFileLoadsAndFitsTheLine() throws {
        #expect(Fixtures.scenarioPaths.count >= 19)
        for (name, path) in Fixtures.scenarioPaths {
            let scenario = try ScenarioDefinition.load(path: path)
            #expect(scenario.name == name, "file \(name) declares \(scenario.name)")
            try scenario.validate(against: Fixtures.line)
        }
    }

    @Test func theFirstFillingScenariosStillLoadAsStepFaults() throws {
        let step = try Fixtures.scenario("filling-nozzle-step")
        #expect(step.faults.count == 1)
        #expect(step.faults[0].kind == .step)
        #expect(step.faults[0].streams == [2])
        #expect(step.faults[0].afterUnit == 60)
        #expect(step.faults[0].parameter("shift") == -1.5)
        #expect(try Fixtures.scenario("filling-baseline").faults.isEmpty)
    }

    @Test func lineErrorsNameKeyPathValueAndExpectation() {
        let text = """
            name = "bad"
            [[stations]]
            name = "a"
            model = "coater"
            port_offset = 0
            period_s = -1.0
            lot_prefix = "X"
            colour = "red"
            [stations.map]
            heartbeat = 0
            status = 1
            sequence = 2
            quality = 2
            lot = 10
            [[stations.characteristics]]
            name = "x"
            unit = "g"
            nominal = 1.0
            usl = 2.0
            sigma = 0.0
            address = 100
            physical_range = [0.0, 5.0]
            """
        do {
            _ = try LineDefinition.load(text: text, source: "bad.toml")
            Issue.record("a bad line loaded")
        } catch {
            let paths = error.issues.map(\.keyPath)
            #expect(paths.contains("stations[0].model"))
            #expect(paths.contains("stations[0].period_s"))
            #expect(paths.contains("stations[0].colour"))
            #expect(paths.contains("stations[0].characteristics[0].sigma"))
            let model = error.issues.first { $0.keyPath == "stations[0].model" }
            #expect(model?.value == "\"coater\"")
            #expect(model?.expected.contains("\"coating\"") == true)
        }
    }

    @Test func overlappingRegistersAreRejected() {
        let text = """
            name = "overlap"
            [[stations]]
            name = "a"
            model = "filling"
            port_offset = 0
            period_s = 1.0
            lot_prefix = "X"
            streams = 2
            [stations.map]
            heartbeat = 0
            status = 1
            sequence = 2
            quality = 4
            lot = 10
            [[stations.characteristics]]
            name = "w"
            unit = "g"
            nominal = 1.0
            usl = 2.0
            sigma = 0.1
            address = 16
            physical_range = [0.0, 5.0]
            """
        #expect(throws: DefinitionError.self) { try LineDefinition.load(text: text, source: "overlap.toml") }
    }

    @Test func scenarioErrorsAreCollectedWholeAndCheckedAgainstTheLine() throws {
        let text = """
            name = "bad"
            [[faults]]
            kind = "drift"
            station = "coating"
            characteristic = "loading"
            start_s = 10.0
            [[faults]]
            kind = "melt"
            station = "coating"
            """
        do {
            _ = try ScenarioDefinition.load(text: text, source: "bad.toml")
            Issue.record("a bad scenario loaded")
        } catch {
            let paths = error.issues.map(\.keyPath)
            #expect(paths.contains("duration_s"))
            #expect(paths.contains("faults[0].rate_per_hour"))
            #expect(paths.contains("faults[1].kind"))
        }
        let wrongStation = ScenarioDefinition(
            name: "x", faults: [FaultDefinition(id: "f", kind: .step, station: "mixer", characteristic: "w", start: 0)])
        #expect(throws: DefinitionError.self) { try wrongStation.validate(against: Fixtures.line) }
        let wrongStream = ScenarioDefinition(
            name: "x",
            faults: [FaultDefinition(id: "f", kind: .step, station: "filling", characteristic: "fill_weight", streams: [8], start: 0)])
        #expect(throws: DefinitionError.self) { try wrongStream.validate(against: Fixtures.line) }
    }
}
