import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `lot show`, `limits show`, `capability`, `chart` on the record of a real simulator run.
@Suite struct DetailCommandTests {
    @Test func lotShowPrintsTheWholeRecordOfALot() throws {
        let demo = try DemoDatabase.get()
        let text = try lineguard(["lot", "show", demo.heldLot], database: demo.path)
        #expect(text.status == 0, "\(text.stderr)")
        for heading in ["LOT \(demo.heldLot)", "GENEALOGY", "made from (up)", "made into (down)", "SAMPLES", "SIGNALS",
                        "DEFECTS", "HOLDS", "DISPOSITIONS"] {
            #expect(text.stdout.contains(heading), "missing \(heading)")
        }
        #expect(text.stdout.contains("on_hold"))
        let json = try lineguard(["lot", "show", demo.heldLot, "--format", "json"], database: demo.path)
        let report = try #require(try jsonObject(json.stdout) as? [String: Any])
        #expect(Set(report.keys) == ["lot", "parents", "children", "samples", "signals", "defects", "holds", "dispositions"])
        let lot = try #require(report["lot"] as? [String: Any])
        #expect(lot["lot"] as? String == demo.heldLot && lot["status"] as? String == "on_hold")
        let holds = try #require(report["holds"] as? [[String: Any]])
        #expect(holds.contains { $0["trigger"] as? String == "spec_failure" && $0["released_at"] is NSNull })
        let samples = try #require(report["samples"] as? [[String: Any]])
        let stepped = try #require(samples.first { $0["characteristic"] as? String == demo.stepped })
        #expect((stepped["out_of_spec"] as? Int ?? 0) > 0)
        #expect(try #require(report["defects"] as? [[String: Any]]).allSatisfy { $0["lot"] as? String == demo.heldLot })
    }

    @Test func lotShowRefusesUnknownLotsAndCSV() throws {
        let demo = try DemoDatabase.get()
        let unknown = try lineguard(["lot", "show", "NO-SUCH-LOT"], database: demo.path)
        #expect(unknown.status == 5)
        #expect(unknown.stderr.contains("no lot 'NO-SUCH-LOT'"))
        let csv = try lineguard(["lot", "show", demo.heldLot, "--format", "csv"], database: demo.path)
        #expect(csv.status == 2)
        #expect(csv.stderr.contains("use --format text or json"))
    }

    @Test func limitsShowTheFrozenLimitsAndTheSpec() throws {
        let demo = try DemoDatabase.get()
        let json = try lineguard(["limits", "show", demo.stepped, "--format", "json"], database: demo.path)
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try jsonObject(json.stdout) as? [[String: Any]])
        let x = try #require(rows.first { $0["statistic"] as? String == "x" })
        let center = try #require(x["center"] as? Double)
        let lcl = try #require(x["lcl"] as? Double)
        let ucl = try #require(x["ucl"] as? Double)
        #expect(lcl < center && center < ucl)
        #expect(rows.contains { $0["statistic"] as? String == "mr" })
        let spec = try #require(rows.first { $0["kind"] as? String == "spec" })
        #expect(spec["lsl"] as? Double == 76.8 && spec["usl"] as? Double == 79.2)
        let text = try lineguard(["limits", "show", demo.stepped], database: demo.path)
        #expect(text.stdout.contains("LIMITS of \(demo.stepped)") && text.stdout.contains("system:phase1"))
        #expect(try lineguard(["limits", "show", "no.such"], database: demo.path).status == 5)
    }

    @Test func capabilityGivesIndicesWithIntervalsAndAHistogram() throws {
        let demo = try DemoDatabase.get()
        let directory = try TemporaryDirectory()
        let histogram = directory.path + "/capability.svg"
        let json = try lineguard(
            ["capability", "filling.fill_weight.n1", "--format", "json", "--histogram", histogram], database: demo.path)
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try jsonObject(json.stdout) as? [String: Any])
        for key in ["characteristic", "unit", "window", "n", "mean", "within_sigma", "overall_sigma", "lsl", "usl", "target",
                    "confidence", "indices", "expected_ppm", "observed_ppm"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        let indices = try #require(report["indices"] as? [[String: Any]])
        let cpk = try #require(indices.first { $0["index"] as? String == "cpk" })
        let value = try #require(cpk["value"] as? Double)
        #expect(try #require(cpk["lower"] as? Double) < value && value < (try #require(cpk["upper"] as? Double)))
        let expected = try #require(report["expected_ppm"] as? [String: Any])
        #expect(expected["total"] is Double)
        let svg = try String(contentsOfFile: histogram, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "the histogram SVG must be well-formed")
        #expect(svg.contains("data-limit=\"lsl\"") && svg.contains("data-limit=\"usl\""))
        let text = try lineguard(["capability", demo.stepped, "--lot", demo.heldLot], database: demo.path)
        #expect(text.stdout.contains("HISTOGRAM") && text.stdout.contains("out of spec") && text.stdout.contains("expected ppm"))
        let csv = try lineguard(["capability", demo.stepped, "--format", "csv"], database: demo.path)
        #expect(csv.stdout.hasPrefix("index,value,lower,upper\r\n"))
        #expect(try lineguard(["capability", demo.stepped, "--confidence", "1.5"], database: demo.path).status == 2)
        #expect(try lineguard(["capability", demo.stepped, "--lot", "x", "--since", "1h"], database: demo.path).status == 2)
    }

    @Test func chartIsAWellFormedSVGWithLimitsAndMarkedSignals() throws {
        let demo = try DemoDatabase.get()
        let directory = try TemporaryDirectory()
        let path = directory.path + "/n3.svg"
        let run = try lineguard(["chart", demo.stepped, "--out", path], database: demo.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("signalled"))
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let collector = AttributeCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "the chart SVG must be well-formed: \(String(describing: parser.parserError))")
        #expect(collector.count("data-limit", "ucl") == 2 && collector.count("data-limit", "lcl") == 2)
        #expect(collector.count("data-limit", "cl") == 2)
        #expect(collector.count("data-limit", "usl") == 1 && collector.count("data-limit", "lsl") == 1)
        #expect(collector.count("data-rule", "1") >= 1, "the stepped nozzle's points must be marked with rule 1")
        #expect(collector.count("data-lot", demo.heldLot) == 2, "the held lot's start is drawn in both panels")
        #expect(collector.texts.contains { $0.hasPrefix(demo.stepped) && $0.contains("individuals and moving range") })
        // A lot's own chart, and the error paths.
        let ofLot = try lineguard(["chart", demo.stepped, "--lot", demo.heldLot, "--out", directory.path + "/lot.svg"], database: demo.path)
        #expect(ofLot.status == 0)
        #expect(try lineguard(["chart", "no.such", "--out", path], database: demo.path).status == 5)
        #expect(try lineguard(["chart", demo.stepped, "--out", directory.path + "/n3.gif"], database: demo.path).status == 2)
        #expect(try lineguard(["chart", demo.stepped, "--lot", "NO-SUCH", "--out", path], database: demo.path).status == 5)
    }

    @Test func chartAsPNGThroughRsvgConvert() throws {
        let demo = try DemoDatabase.get()
        let directory = try TemporaryDirectory()
        let path = directory.path + "/n3.png"
        let run = try lineguard(["chart", demo.stepped, "--out", path], database: demo.path)
        let converter = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        if converter {
            #expect(run.status == 0, "\(run.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
            #expect(data.count > 20_000)
        } else {
            #expect(run.status == 1)
            #expect(run.stderr.contains("librsvg2-bin"))
        }
    }
}

/// Collects every attribute and text of an XML document.
final class AttributeCollector: NSObject, XMLParserDelegate {
    private(set) var attributes: [[String: String]] = []
    private(set) var texts: [String] = []
    private var inText = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        self.attributes.append(attributes)
        inText = elementName == "text"
        if inText { texts.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        inText = false
    }

    func count(_ name: String, _ value: String) -> Int { attributes.filter { $0[name] == value }.count }
}
