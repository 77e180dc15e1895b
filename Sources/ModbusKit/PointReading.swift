public import LineModel

/// One value as read: nil unless it could be decoded, with its quality and the time of its own
/// request. Only `quality == .good` readings may reach SPC.
public struct PointReading: Sendable, Hashable {
    public var name: String
    /// The decoded value; kept for decode errors and frozen values (for diagnosis), nil when
    /// nothing arrived.
    public var value: PointValue?
    public var quality: Quality
    /// The wall-clock and monotonic time of the request that carried this value (its start).
    public var time: SampleTime

    public init(name: String, value: PointValue?, quality: Quality, time: SampleTime) {
        self.name = name
        self.value = value
        self.quality = quality
        self.time = time
    }
}
