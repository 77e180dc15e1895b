public import LineModel
import Store

extension FaceStore {
    /// The samples of `characteristic` in `window`, oldest first (all qualities). Without a
    /// start time, the most recent `limit` are taken, searching back from the newest sample.
    public func samples(_ characteristic: String, window: SampleWindow) throws(FaceError) -> [Sample] {
        let window = try window.validated()
        let status = try self.characteristic(characteristic)
        let id = CharacteristicID(characteristic)
        if let lot = window.lot {
            let record = try self.lot(lot)
            let end = record.endedAt ?? .greatestFiniteMagnitude
            let all = try read { try reader.samples(characteristic: id, from: record.startedAt, to: end, limit: 1_000_000) }
            return Array(all.filter { $0.lot?.rawValue == lot }.suffix(window.limit))
        }
        let end = window.until ?? Swift.max(status.lastTime ?? 0, Self.now()) + 1
        if let since = window.since {
            let all = try read { try reader.samples(characteristic: id, from: since, to: end, limit: 1_000_000) }
            return Array(all.suffix(window.limit))
        }
        // Most recent: widen the window back from the newest sample until it holds enough.
        guard let newest = status.lastTime else { return [] }
        var span = 60.0
        while true {
            // Past a month back, one last query reaches the beginning of the record.
            let from = span > 30 * 86_400 ? -Double.greatestFiniteMagnitude : newest - span
            let found = try read { try reader.samples(characteristic: id, from: from, to: end, limit: 10_000_000) }
            if found.count >= window.limit || from < 0 {
                return Array(found.suffix(window.limit))
            }
            span *= 4
        }
    }
}
