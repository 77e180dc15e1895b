/// Values of one device read together at one rate (fast signals and slow counters on the same
/// device live in different groups).
public struct PollGroup: Sendable, Hashable {
    public var name: String
    public var interval: Duration
    public var points: [PointDefinition]

    public init(name: String, interval: Duration, points: [PointDefinition]) {
        self.name = name
        self.interval = interval
        self.points = points
    }
}
