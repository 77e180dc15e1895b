/// Which samples of a characteristic a chart, a capability study or an export takes: those of
/// one lot, or those in a time window, at most `limit` of them, the most recent ones when
/// there are more.
public struct SampleWindow: Sendable, Hashable {
    public var since: Double?
    public var until: Double?
    public var lot: String?
    public var limit: Int

    public init(since: Double? = nil, until: Double? = nil, lot: String? = nil, limit: Int = 500) {
        self.since = since
        self.until = until
        self.lot = lot
        self.limit = limit
    }

    /// Checks the combination; a bad one is `badArgument`.
    public func validated() throws(FaceError) -> SampleWindow {
        guard limit > 0 else { throw FaceError(.badArgument, "--limit must be at least 1, not \(limit)") }
        if lot != nil, since != nil || until != nil {
            throw FaceError(.badArgument, "give either --lot or --since/--until, not both")
        }
        if let since, let until, until < since {
            throw FaceError(.badArgument, "--until (\(TimeText.iso(until))) is before --since (\(TimeText.iso(since)))")
        }
        return self
    }

    /// Words for a subtitle: `lot X`, `since T`, `last N`.
    var phrase: String {
        if let lot { return "lot \(lot)" }
        var parts: [String] = []
        if let since { parts.append("since \(TimeText.iso(since))") }
        if let until { parts.append("until \(TimeText.iso(until))") }
        return parts.isEmpty ? "most recent" : parts.joined(separator: " ")
    }
}
