@testable import Daemon
import Foundation
import LineModel
import ModbusKit
import Simulator
import Testing

@Suite struct ConfigurationLoaderTests {
    static let demo = EmbeddedConfiguration.demo

    @Test func embeddedDemoConfigurationLoadsAndMatchesTheShippedFile() throws {
        let configuration = try ConfigurationLoader.load(text: Self.demo, source: "demo")
        #expect(configuration.characteristics.count == 8)
        #expect(configuration.devices.map(\.name) == ["filling-plc"])
        let third = try #require(configuration.characteristics.first { $0.id.rawValue == "filling.fill_weight.n3" })
        #expect(third.address == 104)
        #expect(third.sequence?.address == 204)
        #expect(third.spec == SpecLimits(lsl: 76.8, usl: 79.2, target: 78.0))
        #expect(third.rules == [1])
        #expect(third.phase1 == 25)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/demo.toml")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.demo, "the embedded copy is config/demo.toml")
    }

    @Test func everyIssueIsReportedAtOnceWithKeyPathValueAndExpectation() {
        let text = Self.demo
            .replacingOccurrences(of: "endpoint = \"127.0.0.1:15020\"", with: "endpoint = \"plc-without-port\"")
            .replacingOccurrences(of: "lsl = 76.8", with: "lsl = 80.0")
            .replacingOccurrences(of: "rules = [1]", with: "rules = [1, 9]")
            .replacingOccurrences(of: "severity = \"major\"", with: "severity = \"huge\"")
            .replacingOccurrences(of: "log_level = \"info\"", with: "log_level = \"info\"\nlog_levle = \"debug\"")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(text: text, source: "t.toml") }
        do {
            _ = try ConfigurationLoader.load(text: text, source: "t.toml")
        } catch {
            let messages = error.issues.map(\.description)
            #expect(messages.contains("devices[0].endpoint: \"plc-without-port\" is not valid; expected \"host:port\" with a port from 1 to 65535"))
            #expect(messages.contains("characteristics[0].usl: 79.2 is not valid; expected a number greater than lsl (80.0)"))
            #expect(messages.contains { $0.hasPrefix("characteristics[0].rules: [1, 9] is not valid; expected \"all\" or a list of rule numbers from 1 to 4") })
            #expect(messages.contains { $0.hasPrefix("characteristics[0].severity: \"huge\" is not valid; expected one of \"critical\"") })
            #expect(messages.contains("daemon.log_levle: \"debug\" is not valid; expected no such key here (misspelt or not supported)"))
            #expect(error.issues.count >= 8 + 8 + 8 + 3, "each of the eight characteristics reports its own issues")
        }
    }

    @Test func referencesAndAddressesAreChecked() {
        let text = Self.demo
            .replacingOccurrences(of: "device = \"filling-plc\"\nregister = \"holding\"\naddress = 100", with: "device = \"filling-pcl\"\nregister = \"holding\"\naddress = 100")
            .replacingOccurrences(of: "address = 114", with: "address = 65535")
            .replacingOccurrences(of: "id = \"filling.fill_weight.n2\"", with: "id = \"filling.fill_weight.n1\"")
        do {
            _ = try ConfigurationLoader.load(text: text, source: "t.toml")
            Issue.record("must not load")
        } catch {
            let messages = error.issues.map(\.description)
            #expect(messages.contains { $0.hasPrefix("characteristics[0].device: \"filling-pcl\" is not valid; expected the name of a configured device (filling-plc)") })
            #expect(messages.contains { $0.hasPrefix("characteristics[7].address: 65535 is not valid; expected an address whose value (2 register(s)) lies within 0...65535") })
            #expect(messages.contains("characteristics[1].id: \"filling.fill_weight.n1\" is not valid; expected a name not used by an earlier entry"))
        }
    }

    @Test func syntaxErrorsNameTheLine() {
        do {
            _ = try ConfigurationLoader.load(text: "[daemon]\ndatabase = \n", source: "t.toml")
            Issue.record("must not load")
        } catch {
            #expect(error.issues.first?.keyPath.contains("line 2") == true)
        }
    }

    @Test func scenariosLoadFromNameAndReportBadKeys() throws {
        let step = try ScenarioLoader.load(nameOrPath: "filling-nozzle-step")
        #expect(step.steps.first?.nozzle == 2)
        #expect(step.steps.first?.afterCell == 60)
        #expect(step.steps.first?.shift == -1.5)
        do {
            _ = try ScenarioLoader.load(text: "name = \"x\"\nstation = \"filling\"\nsigma = -1\n[[steps]]\nnozzle = 9\nafter_cell = 1\nshift = 1", source: "s")
            Issue.record("must not load")
        } catch {
            let messages = error.issues.map(\.description)
            #expect(messages.contains("sigma: -1 is not valid; expected a positive number"))
            #expect(messages.contains("steps[0].nozzle: 9 is not valid; expected a nozzle number from 1 to 8"))
        }
    }
}

@Suite struct ShippedExampleConfigurationTests {
    @Test func documentedExampleLoads() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/lineguard.toml")
        let configuration = try ConfigurationLoader.load(path: file.path)
        #expect(configuration.characteristics.first?.rules == [1, 2, 3, 4])
        #expect(configuration.devices.first?.options.maxGap == 10)
        #expect(configuration.stations.first?.lot?.type == .string(registers: 8))
    }
}
