/// Western Electric rules 1 and 4 on an individuals chart, written here from their definition
/// (not taken from the SPC module) to judge what the daemon recorded across its crashes: the
/// signals an uninterrupted chart raises on the committed series of one characteristic.
///
/// Rule 1: |z| > 3. Rule 4: the point is the 8th or later of a run on one side of the center
/// (a point exactly on the center is on neither side). A point carries the lower rule number
/// when it violates both, as the daemon's evaluator does.
struct RunRuleReference {
    /// One committed good sample of the characteristic, in judging order.
    struct Point: Sendable {
        var sequence: Int64
        var time: Double
        var value: Double
    }

    /// A signal the uninterrupted chart raises.
    struct Signal: Sendable, Hashable {
        var sequence: Int64
        var time: Double
        var rule: Int
        /// The time of the first point of the run (rule 4), or of the point itself (rule 1).
        var runStartedAt: Double
    }

    let center: Double
    let sigma: Double

    func signals(_ points: [Point]) -> [Signal] {
        var signals: [Signal] = []
        var side = 0
        var run = 0
        var runStartedAt = 0.0
        for point in points {
            let z = (point.value - center) / sigma
            let pointSide = z > 0 ? 1 : (z < 0 ? -1 : 0)
            if pointSide != 0 && pointSide == side {
                run += 1
            } else {
                run = pointSide == 0 ? 0 : 1
                runStartedAt = point.time
            }
            side = pointSide
            if abs(z) > 3 {
                signals.append(Signal(sequence: point.sequence, time: point.time, rule: 1, runStartedAt: point.time))
            } else if run >= 8 {
                signals.append(Signal(sequence: point.sequence, time: point.time, rule: 4, runStartedAt: runStartedAt))
            }
        }
        return signals
    }
}
