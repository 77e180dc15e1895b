/// Why a lot was put on hold.
public enum HoldTrigger: String, Sendable, Hashable, CaseIterable, Codable {
    /// An out-of-specification measurement (a defect).
    case specFailure = "spec_failure"
    /// A control-chart signal, where the characteristic's policy holds on signals.
    case spcSignal = "spc_signal"
    /// A parent lot in the genealogy went on hold.
    case upstreamHold = "upstream_hold"
    /// Shares the suspect cause (same knife set, same nozzle) with a held lot.
    case sibling
    /// Its open interval overlapped an excursion (dew point, shared equipment).
    case timeWindow = "time_window"
    /// Put on hold by a person.
    case manual
}
