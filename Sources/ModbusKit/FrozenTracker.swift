/// Counts how many polls in a row a value's raw registers came back identical, per point.
/// A value that repeats for `frozenAfter` polls is marked `.frozen` until it moves again.
struct FrozenTracker {
    private var last: [String: (raw: [UInt16], repeats: Int)] = [:]

    /// Records a good read of `point` and tells whether it now counts as frozen.
    mutating func observe(_ point: PointDefinition, raw: [UInt16]) -> Bool {
        guard let limit = point.frozenAfter else { return false }
        if let previous = last[point.name], previous.raw == raw {
            let repeats = previous.repeats + 1
            last[point.name] = (raw, repeats)
            return repeats >= limit
        }
        last[point.name] = (raw, 1)
        return false
    }

    /// Forgets a point's history (after a failed read the count starts again).
    mutating func reset(_ name: String) {
        last[name] = nil
    }
}
