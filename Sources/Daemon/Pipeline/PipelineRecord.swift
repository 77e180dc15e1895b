import LineModel

/// Everything the pipeline hands to the store, in the order it happened.
enum PipelineRecord: Sendable {
    /// A raw sample (good or not): the only kind that may be dropped under back-pressure.
    case sample(Sample)
    /// An out-of-spec value: committed durably with the hold of its lot before anything acts.
    /// `signalID` is set once the signal is committed, so that a retry does not record it twice.
    case defect(Defect, signal: RuleSignal?, signalID: Int64? = nil)
    case signal(RuleSignal, holdLot: Bool)
    case limits(ControlLimits)
    case lotStarted(LotID, kind: LotKind, station: String, at: Double)
    case lotEnded(LotID, at: Double)
    case dataQuality(DataQualityEvent)
    case deviceState(name: String, state: String, at: Double, roundTrip: Double?)

    var isSample: Bool {
        if case .sample = self { true } else { false }
    }
}
