import LineModel
import Store

extension PipelineRecord {
    /// The spill form of this record; nil for the kinds that are never spilled: raw samples
    /// (the one kind the daemon may lose, counted) and device states (the next poll tells).
    var spillRecord: SpillRecord? {
        switch self {
        case .sample, .deviceState: nil
        case .defect(let defect, let signal, _): .defect(defect, signal: signal)
        case .signal(let signal, let holdLot): .signal(signal, holdLot: holdLot)
        case .limits(let limits): .limits(limits)
        case .lotStarted(let lot, let kind, let station, let at): .lotStarted(lot, kind: kind, station: station, at: at)
        case .lotEnded(let lot, let at): .lotEnded(lot, at: at)
        case .dataQuality(let event): .dataQuality(event)
        }
    }

    /// A record read back from the spill. A defect's signal is found again by lookup (its id
    /// is not kept in the spill).
    init(spilled record: SpillRecord) {
        switch record {
        case .defect(let defect, let signal): self = .defect(defect, signal: signal)
        case .signal(let signal, let holdLot): self = .signal(signal, holdLot: holdLot)
        case .limits(let limits): self = .limits(limits)
        case .lotStarted(let lot, let kind, let station, let at): self = .lotStarted(lot, kind: kind, station: station, at: at)
        case .lotEnded(let lot, let at): self = .lotEnded(lot, at: at)
        case .dataQuality(let event): self = .dataQuality(event)
        }
    }
}
