public import Store

/// One lot in a genealogy tree: the lot, the link that reached it (metres, quantity), and the
/// lots further along the same direction (parents of parents, or children of children).
public struct GenealogyNode: Sendable, Hashable {
    public var lot: String
    public var status: String?
    public var kind: String?
    public var link: GenealogyLink?
    public var next: [GenealogyNode]
    /// True when the walk stopped here: the depth limit, or a lot already shown (a cycle).
    public var truncated: Bool

    /// The tree as JSON: `{lot, kind, status, from_m, to_m, quantity, truncated, next: [...]}`.
    var json: JSONText {
        .object([
            ("lot", .string(lot)), ("kind", kind.map(JSONText.string) ?? .null),
            ("status", status.map(JSONText.string) ?? .null),
            ("from_m", link?.fromMetre.map(JSONText.number) ?? .null),
            ("to_m", link?.toMetre.map(JSONText.number) ?? .null),
            ("quantity", link?.quantity.map(JSONText.number) ?? .null), ("truncated", .bool(truncated)),
            ("next", .array(next.map(\.json))),
        ])
    }

    /// Indented tree lines (`├─ `, `└─ `) under `prefix`.
    func lines(prefix: String, last: Bool, colour: Bool) -> [String] {
        var detail = [kind, status].compactMap { $0 }.joined(separator: ", ")
        if let link {
            if let from = link.fromMetre, let to = link.toMetre {
                detail += ", m \(NumberFormat.significant(from, 6))-\(NumberFormat.significant(to, 6))"
            }
            if let quantity = link.quantity { detail += ", qty \(NumberFormat.significant(quantity, 6))" }
        }
        let name = FaceText.clean(lot)
        let painted = colour && status != nil ? ANSIColour.paint(name, word: status ?? "") : name
        var out = [prefix + (last ? "\u{2514}\u{2500} " : "\u{251C}\u{2500} ") + painted
            + (detail.isEmpty ? "" : " (\(detail))") + (truncated ? " \u{2026}" : "")]
        let inner = prefix + (last ? "   " : "\u{2502}  ")
        for (i, node) in next.enumerated() {
            out += node.lines(prefix: inner, last: i == next.count - 1, colour: colour)
        }
        return out
    }
}
