@testable import Daemon
import LineModel
import Testing

@Suite struct MultivariateConfigurationTests {
    static let table = """

        [[multivariate]]
        id = "filling.t2_n1_n2_n3"
        station = "filling"
        variables = ["filling.fill_weight.n1", "filling.fill_weight.n2", "filling.fill_weight.n3"]
        max_age_s = 30
        """

    static func messages(_ text: String, root: String = "") -> [String] {
        do {
            _ = try ConfigurationLoader.load(text: root + EmbeddedConfiguration.demo + text, source: "t.toml")
            Issue.record("must not load")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func aTableLoadsWithItsDefaultsAndJoinsTheLineDescription() throws {
        let configuration = try ConfigurationLoader.load(text: EmbeddedConfiguration.demo + Self.table, source: "t.toml")
        let chart = try #require(configuration.multivariate.first)
        #expect(configuration.multivariate.count == 1)
        #expect(chart.id == CharacteristicID("filling.t2_n1_n2_n3"))
        #expect(chart.station == "filling")
        #expect(chart.variables.map(\.rawValue) == ["filling.fill_weight.n1", "filling.fill_weight.n2", "filling.fill_weight.n3"])
        #expect(chart.trigger == CharacteristicID("filling.fill_weight.n3"), "the last variable by default")
        #expect(chart.maxAgeSeconds == 30)
        #expect(chart.phase1 == 50)
        #expect(chart.confidence == nil)
        #expect(chart.holdOnSignal == false)
        #expect(chart.severity == .major)
        let described = try #require(configuration.lineDescription.characteristics.first { $0.id == chart.id })
        #expect(described.station == "filling")
        #expect(described.chart == "t2")
        #expect(described.spec == SpecLimits())
        #expect(configuration.lineDescription.characteristics.count == configuration.characteristics.count + 1)
    }

    @Test func everyKeyIsRead() throws {
        let text = Self.table + """

            trigger = "filling.fill_weight.n1"
            phase1 = 5
            confidence = 0.995
            hold_on_signal = true
            severity = "critical"
            """
        let chart = try #require(try ConfigurationLoader.load(text: EmbeddedConfiguration.demo + text, source: "t").multivariate.first)
        #expect(chart.trigger == CharacteristicID("filling.fill_weight.n1"))
        #expect(chart.phase1 == 5)
        #expect(chart.confidence == 0.995)
        #expect(chart.holdOnSignal)
        #expect(chart.severity == .critical)
    }

    @Test func badValuesNameKeyPathValueAndExpectation() {
        let text = """

            [[multivariate]]
            id = "slitting.t2"
            station = "slitting"
            variables = ["filling.fill_weight.n1"]
            max_age_s = 0
            phase1 = 3
            confidence = 1.5
            colour = "red"

            [[multivariate]]
            id = "filling.t2"
            station = "filling"
            variables = ["filling.fill_weight.n1", "filling.fill_weight.n1"]
            max_age_s = 1

            [[multivariate]]
            id = "filling.t2"
            station = "filling"
            variables = ["filling.fill_weight.n1", "filling.fill_weight.n9", 3]
            max_age_s = 1

            [[multivariate]]
            id = "filling.fill_weight.n2"
            station = "filling"
            variables = ["filling.fill_weight.n1", "filling.fill_weight.n9"]
            trigger = "filling.fill_weight.n4"
            max_age_s = 1
            """
        let messages = Self.messages(text)
        let list = "expected a list of 2 to 10 distinct characteristic ids"
        #expect(messages.contains { $0.hasPrefix("multivariate[0].station: \"slitting\" is not valid; expected the name of a configured station (filling)") })
        #expect(messages.contains { $0.hasPrefix("multivariate[0].variables: [\"filling.fill_weight.n1\"] is not valid; \(list)") })
        #expect(messages.contains("multivariate[0].max_age_s: 0 is not valid; expected a positive number of seconds"))
        #expect(messages.contains("multivariate[0].phase1: 3 is not valid; expected an integer from 4 (variables + 2) to 100000"))
        #expect(messages.contains { $0.hasPrefix("multivariate[0].confidence: 1.5 is not valid; expected a number in (0, 1)") })
        #expect(messages.contains("multivariate[0].colour: \"red\" is not valid; expected no such key here (misspelt or not supported)"))
        #expect(messages.contains { $0.hasPrefix("multivariate[1].variables: [\"filling.fill_weight.n1\", \"filling.fill_weight.n1\"] is not valid; \(list)") })
        #expect(messages.contains("multivariate[2].id: \"filling.t2\" is not valid; expected an id not used by an earlier [[multivariate]] table"))
        #expect(messages.contains { $0.hasPrefix("multivariate[2].variables: [\"filling.fill_weight.n1\", \"filling.fill_weight.n9\", 3] is not valid; \(list)") })
        #expect(messages.contains("multivariate[3].id: \"filling.fill_weight.n2\" is not valid; expected an id that is not also a characteristic's id"))
        #expect(messages.contains("multivariate[3].variables[1]: \"filling.fill_weight.n9\" is not valid; expected the id of a configured [[characteristics]] entry"))
        #expect(!messages.contains { $0.hasPrefix("multivariate[3].trigger") }, "the trigger is not judged against an invalid list")
    }

    @Test func theIdMustStartWithItsStationAndTheTriggerMustBeAVariable() {
        let text = """

            [[multivariate]]
            id = "coating.t2"
            station = "filling"
            variables = ["filling.fill_weight.n1", "filling.fill_weight.n2"]
            trigger = "filling.fill_weight.n4"
            max_age_s = 1
            """
        let messages = Self.messages(text)
        #expect(messages.contains("multivariate[0].id: \"coating.t2\" is not valid; expected an id that starts with its station's name and a dot (\"filling.<name>\")"))
        #expect(messages.contains { $0.hasPrefix("multivariate[0].trigger: \"filling.fill_weight.n4\" is not valid; expected one of the table's variables (\"filling.fill_weight.n1\", \"filling.fill_weight.n2\")") })
        #expect(messages.count == 2)
    }

    @Test func missingKeysAndAWrongShapeAreReported() {
        #expect(Self.messages("\n[[multivariate]]\nstation = \"filling\"\n").contains {
            $0.hasPrefix("multivariate[0].variables: missing; expected a list of 2 to 10 distinct characteristic ids")
        })
        #expect(Self.messages("\n[[multivariate]]\nstation = \"filling\"\n").contains("multivariate[0].max_age_s: missing; expected a positive number of seconds"))
        #expect(Self.messages("", root: "multivariate = 3\n").contains("multivariate: 3 is not valid; expected an array of tables [[multivariate]]"))
    }
}
