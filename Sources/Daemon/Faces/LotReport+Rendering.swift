import LineModel
import Store

extension LotReport {
    /// The samples summary as a table.
    var sampleTable: FaceTable {
        FaceTable(
            columns: ["characteristic", "unit", "count", "good", "mean", "min", "max", "out_of_spec", "first", "last"],
            rows: samples.map { s in
                [
                    .text(s.characteristic), .text(s.unit), .integer(Int64(s.count)), .integer(Int64(s.good)),
                    .number(s.mean), .number(s.minimum), .number(s.maximum), .integer(Int64(s.outOfSpec)),
                    .time(s.first), .time(s.last),
                ]
            })
    }

    /// The report for people: the lot, both genealogy trees, then one table per record kind.
    public func text(signalTable: FaceTable, colour: Bool) -> String {
        let status = colour ? ANSIColour.paint(lot.status.rawValue, word: lot.status.rawValue) : lot.status.rawValue
        var out = [
            ANSIColour.heading("LOT \(FaceText.clean(lot.id))", colour: colour),
            "  kind     \(lot.kind.rawValue)",
            "  station  \(FaceText.clean(lot.station ?? "-"))",
            "  status   \(status)" + (lot.grade.map { " (grade \(FaceText.clean($0)))" } ?? "")
                + (lot.statusChangedAt.map { " since \(TimeText.iso($0))" } ?? ""),
            "  started  \(TimeText.iso(lot.startedAt))",
            "  ended    \(lot.endedAt.map { TimeText.iso($0) } ?? "(open)")",
            "",
            ANSIColour.heading("GENEALOGY", colour: colour),
            "  made from (up)",
        ]
        out += parents.isEmpty ? ["    (no parent lots recorded)"] : tree(parents, colour: colour)
        out.append("  made into (down)")
        out += children.isEmpty ? ["    (no child lots recorded)"] : tree(children, colour: colour)
        out.append("")
        out.append(sampleTable.text(colour: colour, title: ANSIColour.heading("SAMPLES", colour: colour)))
        out.append("")
        out.append(signalTable.text(colour: colour, title: ANSIColour.heading("SIGNALS", colour: colour)))
        out.append("")
        out.append(FaceStore.defectTable(defects).text(colour: colour, title: ANSIColour.heading("DEFECTS", colour: colour)))
        out.append("")
        out.append(FaceStore.holdTable(holds).text(colour: colour, title: ANSIColour.heading("HOLDS", colour: colour)))
        out.append("")
        out.append(FaceStore.dispositionTable(dispositions).text(
            colour: colour, title: ANSIColour.heading("DISPOSITIONS", colour: colour)))
        return out.joined(separator: "\n")
    }

    private func tree(_ nodes: [GenealogyNode], colour: Bool) -> [String] {
        nodes.enumerated().flatMap { i, node in node.lines(prefix: "    ", last: i == nodes.count - 1, colour: colour) }
    }

    /// The report for programs: `{lot, parents, children, samples, signals, defects, holds,
    /// dispositions}`; the record arrays carry the same keys as the list commands.
    public func json(signalTable: FaceTable) -> JSONText {
        .object([
            ("lot", FaceStore.lotTable([lot]).json.firstElement),
            ("parents", .array(parents.map(\.json))),
            ("children", .array(children.map(\.json))),
            ("samples", sampleTable.json),
            ("signals", signalTable.json),
            ("defects", FaceStore.defectTable(defects).json),
            ("holds", FaceStore.holdTable(holds).json),
            ("dispositions", FaceStore.dispositionTable(dispositions).json),
        ])
    }
}

extension JSONText {
    /// The first element of an array (null otherwise).
    var firstElement: JSONText {
        if case .array(let items) = self, let first = items.first { return first }
        return .null
    }
}
