/// The filters of `lineguard signals`, `defects` and `export`: station, characteristic, lot,
/// time window, open only, and how many rows at most.
public struct EventFilter: Sendable, Hashable {
    public var station: String?
    public var characteristic: String?
    public var lot: String?
    /// Seconds since the epoch, inclusive.
    public var since: Double?
    public var until: Double?
    public var openOnly: Bool
    public var limit: Int

    public init(
        station: String? = nil, characteristic: String? = nil, lot: String? = nil, since: Double? = nil,
        until: Double? = nil, openOnly: Bool = false, limit: Int = 1_000
    ) {
        self.station = station
        self.characteristic = characteristic
        self.lot = lot
        self.since = since
        self.until = until
        self.openOnly = openOnly
        self.limit = limit
    }

    /// Checks the combination; a bad one is `badArgument`.
    public func validated() throws(FaceError) -> EventFilter {
        guard limit > 0 else { throw FaceError(.badArgument, "--limit must be at least 1, not \(limit)") }
        if let since, let until, until < since {
            throw FaceError(.badArgument, "--until (\(TimeText.iso(until))) is before --since (\(TimeText.iso(since)))")
        }
        return self
    }

    func admits(time: Double, characteristic: String?, station: String?, lot: String?) -> Bool {
        if let since, time < since { return false }
        if let until, time > until { return false }
        if let wanted = self.characteristic, characteristic != wanted { return false }
        if let wanted = self.station, station != wanted { return false }
        if let wanted = self.lot, lot != wanted { return false }
        return true
    }
}
