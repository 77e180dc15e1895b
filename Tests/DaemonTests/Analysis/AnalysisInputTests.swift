import Daemon
import Foundation
import SPC
import Testing

/// CSV reading, input errors (line and column), option parsing and the JSON writer.
struct AnalysisInputTests {
    @Test func csvQuotingAndLineEnds() throws {
        let table = try CSVTable.parse("subgroup,value\r\n\"a, b\",1.5\r\n\r\n\"say \"\"hi\"\"\", 2\n")
        #expect(table.header == ["subgroup", "value"])
        #expect(table.rows == [["a, b", "1.5"], ["say \"hi\"", "2"]])
        #expect(table.lines == [2, 4])
    }

    @Test func errorsNameLineAndColumn() throws {
        let table = try CSVTable.parse("subgroup,value\n1,1\n1,2\n2,x1\n2,3\n", file: "f.csv")
        let request = AnalysisRequest(chart: .xbarR)
        #expect(throws: AnalysisError("'x1' is not a number", file: "f.csv", line: 4, column: "value")) {
            try AnalysisRunner.run(request, table: table)
        }
        #expect(throws: AnalysisError("expected 2 fields as in the header, found 3", line: 3)) {
            try CSVTable.parse("a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: AnalysisError.self) { try CSVTable.parse("a,b\n") }
        #expect(throws: AnalysisError.self) { try CSVTable.parse("a,b\n\"1,2\n") }
        let description = AnalysisError("'x1' is not a number", file: "f.csv", line: 4, column: "value").description
        #expect(description == "f.csv, line 4, column 'value': 'x1' is not a number")
    }

    @Test func layoutsAndPhaseOne() throws {
        // `value` only: individuals; phase1 option wins over the default of all.
        let table = try CSVTable.parse("value\n1\n2\n4\n3\n5\n2\n")
        var request = AnalysisRequest(chart: .imr, phase1: 4)
        let report = try AnalysisRunner.run(request, table: table)
        #expect(report.phase1Count == 4)
        #expect(report.charts[0].points.map(\.phase) == [1, 1, 1, 1, 2, 2])
        request.phase1 = 9
        #expect(throws: AnalysisError.self) { try AnalysisRunner.run(request, table: table) }
        // Subgroups in order of first appearance, even when rows interleave.
        let grouped = try CSVTable.parse("subgroup,value\nb,1\na,2\nb,3\na,5\nc,1\nc,2\n")
        let xbar = try AnalysisRunner.run(AnalysisRequest(chart: .xbarR), table: grouped)
        #expect(xbar.labels == ["b", "a", "c"])
        #expect(xbar.charts[0].points.map(\.value) == [2, 3.5, 1.5])
        // Attribute charts need a size column (except c).
        let attribute = try CSVTable.parse("subgroup,count\n1,3\n2,4\n")
        #expect(throws: AnalysisError.self) { try AnalysisRunner.run(AnalysisRequest(chart: .p), table: attribute) }
        #expect(try AnalysisRunner.run(AnalysisRequest(chart: .c), table: attribute).charts[0].center == 3.5)
        // Capability is for variables charts only.
        #expect(throws: AnalysisError.self) { try AnalysisRunner.run(AnalysisRequest(chart: .c, usl: 9), table: attribute) }
    }

    @Test func zmrStandardisesPerPart() throws {
        let csv = "part,value\nA,10\nB,50\nA,11\nB,52\nA,9\nB,51\nA,10.5\nB,49\n"
        let report = try AnalysisRunner.run(AnalysisRequest(chart: .zmr), table: CSVTable.parse(csv))
        #expect(report.charts[0].statistic.rawValue == "z")
        #expect(report.charts[0].center == 0)
        let zs = report.charts[0].points.map(\.value)
        #expect(Swift.abs(zs[0] + zs[2] + zs[4] + zs[6]) < 1e-12)
    }

    @Test func optionParsing() throws {
        #expect(try AnalysisRequest.rules(nil, ruleSet: nil).rules == [1, 4])
        #expect(try AnalysisRequest.rules("we", ruleSet: nil).rules == [1, 2, 3, 4])
        #expect(try AnalysisRequest.rules("nelson", ruleSet: nil).rules == Array(1...8))
        #expect(try AnalysisRequest.rules("none", ruleSet: nil).rules.isEmpty)
        #expect(try AnalysisRequest.rules("1,5", ruleSet: "nelson").rules == [1, 5])
        #expect(throws: AnalysisError.self) { try AnalysisRequest.rules("1,5", ruleSet: nil) }
        #expect(throws: AnalysisError.self) { try AnalysisRequest.rules("x", ruleSet: nil) }
        #expect(throws: AnalysisError.self) { try AnalysisRequest.estimator("median") }
        #expect(throws: AnalysisError.self) { try AnalysisFormat.parse("xml") }
        #expect(throws: AnalysisError.self) { try AnalysisRequest(chart: .ewma, lambda: 0).validate() }
        #expect(throws: AnalysisError.self) { try AnalysisRequest(chart: .imr, lsl: 2, usl: 1).validate() }
    }

    @Test func jsonNumbersRoundTrip() {
        let values = [74.001176, 0.00978503869, 1e-5, 1.0 / 3, 123456789.125, -0.0000012345678901234]
        for v in values {
            let text = JSONValue.number(v).rendered()
            #expect(Double(text) == v, "\(text)")
        }
        #expect(JSONValue.number(0).rendered() == "0.0")
        #expect(JSONValue.number(Double.nan).rendered() == "null")
        #expect(JSONValue.object([("a", .string("q\"\n")), ("b", .array([.integer(1), .null]))]).rendered()
            == "{\"a\": \"q\\\"\\n\", \"b\": [1, null]}")
    }

    @Test func runLengthAndDesign() throws {
        let shewhart = try RunLengthRequest.make(
            chart: "shewhart", rules: "we", lambda: nil, width: nil, k: nil, h: nil, headStart: nil, sided: nil,
            limits: nil, nsigmas: nil, shifts: [0])
        let arl = try shewhart.run()
        #expect(Swift.abs(arl[0].arl - 91.7507731283397) < 1e-6)
        let json = try AnalysisFixtures.object(shewhart.json(arl).rendered())
        #expect(json["chart"] as? String == "shewhart")
        #expect(((json["arl"] as! [[String: Any]])[0]["shift"] as? NSNumber)?.doubleValue == 0)
        let design = try DesignRequest.make(chart: "cusum", arl0: 370.4, lambda: nil, k: nil, sided: nil)
        #expect(Swift.abs(try design.run() - 4.77489704495062) < 1e-5)
        #expect(throws: AnalysisError.self) { try DesignRequest.make(chart: "shewhart", arl0: 370, lambda: nil, k: nil, sided: nil) }
        #expect(throws: AnalysisError.self) {
            try RunLengthRequest.make(chart: "ewma", rules: "we", lambda: nil, width: nil, k: nil, h: nil, headStart: nil,
                                      sided: nil, limits: nil, nsigmas: nil, shifts: [0])
        }
    }
}
