/// Ground-truth bookkeeping of one fault: whether it began or ended, which units and lots it
/// touched, and whether its first out-of-spec unit was seen.
struct FaultTracker: Sendable {
    let fault: FaultDefinition
    var began = false
    var ended = false
    var units = 0
    var lots: [String] = []
    var firstUnit: String?
    var lastUnit: String?
    var firstOutOfSpecSeen = false

    init(fault: FaultDefinition) { self.fault = fault }

    /// Counts a touched unit; returns true when it is the fault's first unit in `lot`.
    mutating func touch(unit: String, lot: String) -> Bool {
        units += 1
        if firstUnit == nil { firstUnit = unit }
        lastUnit = unit
        if lots.last == lot || lots.contains(lot) { return false }
        lots.append(lot)
        return true
    }

    /// The closing event (`fault_ended` or `fault_summary`).
    func closing(_ event: String, at lineTime: Double) -> TruthEvent {
        var closing = TruthEvent(event: event, lineTime: lineTime)
        closing.fault = fault.id
        closing.kind = fault.kind.rawValue
        closing.station = fault.station
        closing.units = units
        closing.lots = lots
        closing.firstUnit = firstUnit
        closing.lastUnit = lastUnit
        return closing
    }
}
