/// The plausibility of a value against the last accepted one (`max_step`).
///
/// A value further than `maxStep` from the last accepted value is refused. A real change of
/// level is accepted once `confirmations` distinct values in a row agree with each other
/// (each within `maxStep` of the one before): the process moved, the guard follows. Random
/// values, such as a float read with its words swapped, never agree like that; a value read
/// again unchanged (a slow transmitter polled twice) does not count as a confirmation.
///
/// Pure: no clock, so it works the same at any line speed. The first value is accepted.
struct StepGuard: Sendable, Hashable {
    enum Verdict: Sendable, Hashable {
        case accepted
        /// A new level, confirmed by the refused values before it.
        case newLevel(from: Double)
        case refused(last: Double)
    }

    let maxStep: Double
    let confirmations: Int
    private(set) var anchor: Double?
    /// Refused values in a row that agree with each other.
    private var candidates: [Double] = []

    init(maxStep: Double, confirmations: Int = 3) {
        precondition(maxStep > 0 && confirmations >= 2)
        self.maxStep = maxStep
        self.confirmations = confirmations
    }

    mutating func observe(_ value: Double) -> Verdict {
        guard let last = anchor else {
            anchor = value
            return .accepted
        }
        if abs(value - last) <= maxStep {
            anchor = value
            candidates.removeAll()
            return .accepted
        }
        if let previous = candidates.last {
            if value == previous { return .refused(last: last) }
            if abs(value - previous) > maxStep { candidates.removeAll() }
        }
        candidates.append(value)
        guard candidates.count >= confirmations else { return .refused(last: last) }
        anchor = value
        candidates.removeAll()
        return .newLevel(from: last)
    }
}
