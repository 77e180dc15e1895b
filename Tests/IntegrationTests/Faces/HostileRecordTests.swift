import Foundation
import LineModel
import Logging
import Store
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Lot ids come from PLC registers: a record whose ids carry markup, quotes, a spreadsheet
/// formula and a terminal escape must still give well-formed pictures, safe CSV and clean text,
/// and its genealogy must print as trees up and down.
@Suite struct HostileRecordTests {
    static let parent = "ROLL-<1>&\"'"
    static let formula = "=HYPERLINK(\"http://x\")"
    static let escape = "REEL-\u{1B}[31mRED"
    static let characteristic = "coating.weight"

    /// Writes the record with the store's own writer.
    static func write(to path: String) async throws {
        let writer = try StoreWriter(path: path, logger: Logger(label: "test"))
        let start = 1_700_000_000.0
        let line = LineDescription(name: "hostile", stations: [
            StationDescription(
                name: "coating", lotKind: .coatedRoll,
                devices: [DeviceDescription(name: "coater-plc", endpoint: "127.0.0.1:1502", unit: 1)],
                characteristics: [
                    CharacteristicDescription(
                        id: CharacteristicID(characteristic), station: "coating", device: "coater-plc", equipment: nil,
                        unit: "mg/cm2", spec: SpecLimits(lsl: 9, usl: 11, target: 10), defectCodeLow: "COAT.LOW",
                        defectCodeHigh: "COAT.HIGH", severity: .major, chart: "imr"),
                ]),
        ])
        try await writer.sync(line: line, at: start)
        for (i, lot) in [parent, formula, escape].enumerated() {
            try await writer.startLot(LotID(lot), kind: .coatedRoll, station: "coating", at: start + Double(i) * 100)
        }
        try await writer.link(parent: LotID(parent), child: LotID(formula), fromMetre: 0, toMetre: 500, quantity: nil)
        try await writer.link(parent: LotID(formula), child: LotID(escape), fromMetre: nil, toMetre: nil, quantity: 3)
        var samples: [Sample] = []
        for i in 0..<60 {
            let lot = [parent, formula, escape][i / 20]
            let value = 10 + [0.1, -0.1, 0.05, -0.05, 0.0][i % 5] + (i == 55 ? 0.9 : 0)
            samples.append(Sample(
                characteristic: CharacteristicID(characteristic), value: value, quality: .good,
                time: SampleTime(wall: start + Double(i) * 5, monotonicNanos: UInt64(i) * 5_000_000_000),
                lot: LotID(lot), sequence: UInt64(i + 1)))
        }
        try await writer.append(samples: samples)
        _ = try await writer.hold(lot: LotID(escape), trigger: .manual, reason: "suspect <coat> & \"edge\"", actor: "qa", at: start + 400)
        await writer.close()
    }

    @Test func picturesCSVAndTextStaySafe() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/hostile.sqlite"
        try await Self.write(to: path)

        let csv = try lineguard(["lots", "--format", "csv"], database: path)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "a formula-looking id is defused and quoted")
        #expect(csv.stdout.contains("\"ROLL-<1>&\"\"'\""))

        let text = try lineguard(["lots"], database: path)
        #expect(!text.stdout.contains("\u{1B}"), "no escape byte reaches the terminal")
        #expect(text.stdout.contains("REEL-?[31mRED"))

        let json = try lineguard(["lots", "--format", "json"], database: path)
        let rows = try #require(try jsonObject(json.stdout) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["lot"] as? String }) == [Self.parent, Self.formula, Self.escape])

        let chart = directory.path + "/chart.svg"
        let drawn = try lineguard(["chart", Self.characteristic, "--out", chart], database: path)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "hostile lot ids must not break the SVG")
        #expect(svg.contains("data-lot=\"ROLL-&lt;1&gt;&amp;&quot;&apos;\""))
        #expect(svg.contains("trial limits"), "no limits recorded: the subtitle says the limits are a trial")
    }

    @Test func lotShowDrawsTheGenealogyUpAndDown() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/hostile.sqlite"
        try await Self.write(to: path)

        let middle = try lineguard(["lot", "show", Self.formula], database: path)
        #expect(middle.status == 0, "\(middle.stderr)")
        let lines = middle.stdout.components(separatedBy: "\n")
        let up = try #require(lines.firstIndex { $0.contains("made from (up)") })
        let down = try #require(lines.firstIndex { $0.contains("made into (down)") })
        #expect(lines[up + 1].contains("\u{2514}\u{2500} ROLL-<1>&\"'") && lines[up + 1].contains("m 0-500"))
        #expect(lines[down + 1].contains("REEL-?[31mRED") && lines[down + 1].contains("on_hold") && lines[down + 1].contains("qty 3"))

        let json = try lineguard(["lot", "show", Self.parent, "--format", "json"], database: path)
        let report = try #require(try jsonObject(json.stdout) as? [String: Any])
        let children = try #require(report["children"] as? [[String: Any]])
        #expect(children.count == 1 && children[0]["lot"] as? String == Self.formula && children[0]["to_m"] as? Double == 500)
        let grandchildren = try #require(children[0]["next"] as? [[String: Any]])
        #expect(grandchildren.first?["lot"] as? String == Self.escape && grandchildren.first?["status"] as? String == "on_hold")
        let samples = try #require(report["samples"] as? [[String: Any]])
        #expect(samples.first?["count"] as? Int == 20, "\(samples)")
    }
}
