import LineModel
import Store

extension FaceStore {
    /// `lineguard export samples`: raw samples with their quality, lot and unit sequence, oldest
    /// first; one characteristic or all of a station (or of the line).
    public func sampleTable(_ filter: EventFilter) throws(FaceError) -> FaceTable {
        let filter = try filter.validated()
        var characteristics = try self.characteristics()
        if let wanted = filter.characteristic {
            characteristics = [try characteristic(wanted)]
        }
        if let station = filter.station { characteristics = characteristics.filter { $0.station == station } }
        let window = SampleWindow(since: filter.since, until: filter.until, lot: filter.lot, limit: filter.limit)
        var rows: [(Double, [FaceValue])] = []
        for characteristic in characteristics {
            for sample in try samples(characteristic.id, window: window) {
                rows.append((sample.time.wall, [
                    .time(sample.time.wall), .text(characteristic.station), .text(characteristic.id),
                    sample.quality.isGood ? .number(sample.value) : .null, .text(sample.quality.code),
                    .text(sample.lot?.rawValue), .integer(sample.sequence.map { Int64(bitPattern: $0) }),
                    .text(characteristic.unit),
                ]))
            }
        }
        rows.sort { $0.0 < $1.0 }
        return FaceTable(
            columns: ["time", "station", "characteristic", "value", "quality", "lot", "sequence", "unit"],
            rows: rows.suffix(filter.limit).map(\.1))
    }
}
