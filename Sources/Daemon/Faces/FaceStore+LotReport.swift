import LineModel
import Store

extension FaceStore {
    /// The genealogy walk stops this many generations away (a roll feeds thousands of cells).
    static let genealogyDepth = 8
    /// At most this many lots per generation are listed.
    static let genealogyBreadth = 50

    /// The full record of one lot, or `notFound`.
    public func lotReport(_ id: String) throws(FaceError) -> LotReport {
        let lot = try self.lot(id)
        let lotID = LotID(id)
        var seen: Set<String> = [id]
        let parents = try walk(from: id, up: true, depth: 1, seen: &seen)
        seen = [id]
        let children = try walk(from: id, up: false, depth: 1, seen: &seen)
        let signals = try self.signals(EventFilter(lot: id, limit: 10_000))
        let defects = try read { try reader.defects(lot: lotID, limit: 10_000) }
        let holds = try read { try reader.holds(lot: lotID) }
        let dispositions = try read { try reader.dispositions(lot: lotID) }
        let samples = try sampleSummaries(of: lot)
        return LotReport(
            lot: lot, parents: parents, children: children, samples: samples, signals: signals, defects: defects,
            holds: holds, dispositions: dispositions)
    }

    private func walk(from lot: String, up: Bool, depth: Int, seen: inout Set<String>) throws(FaceError) -> [GenealogyNode] {
        let links = try read { up ? try reader.parents(of: LotID(lot)) : try reader.children(of: LotID(lot)) }
        var nodes: [GenealogyNode] = []
        for link in links.prefix(Self.genealogyBreadth) {
            let other = up ? link.parent : link.child
            let record = try read { try reader.lot(LotID(other)) }
            var node = GenealogyNode(
                lot: other, status: record?.status.rawValue, kind: record?.kind.rawValue, link: link, next: [],
                truncated: false)
            if seen.contains(other) || depth >= Self.genealogyDepth {
                node.truncated = true
            } else {
                seen.insert(other)
                node.next = try walk(from: other, up: up, depth: depth + 1, seen: &seen)
            }
            nodes.append(node)
        }
        return nodes
    }

    private func sampleSummaries(of lot: LotRecord) throws(FaceError) -> [LotReport.SampleSummary] {
        let characteristics = try characteristics().filter { lot.station == nil || $0.station == lot.station }
        let end = lot.endedAt ?? .greatestFiniteMagnitude
        var summaries: [LotReport.SampleSummary] = []
        for characteristic in characteristics {
            let samples = try read {
                try reader.samples(characteristic: CharacteristicID(characteristic.id), from: lot.startedAt, to: end)
            }.filter { $0.lot?.rawValue == lot.id }
            guard !samples.isEmpty else { continue }
            let good = samples.filter(\.quality.isGood).map(\.value)
            let spec = SpecLimits(lsl: characteristic.lsl, usl: characteristic.usl)
            summaries.append(
                LotReport.SampleSummary(
                    characteristic: characteristic.id, unit: characteristic.unit, count: samples.count, good: good.count,
                    mean: good.isEmpty ? nil : good.reduce(0, +) / Double(good.count), minimum: good.min(),
                    maximum: good.max(), outOfSpec: good.filter { spec.judge($0).isDefect }.count,
                    first: samples.first?.time.wall, last: samples.last?.time.wall))
        }
        return summaries
    }
}
