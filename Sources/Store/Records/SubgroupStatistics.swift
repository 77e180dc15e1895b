public import LineModel

/// The statistics of one rational subgroup (a scanner traverse, n consecutive cells), kept
/// after the raw samples are pruned.
public struct SubgroupStatistics: Sendable, Hashable {
    public var characteristic: CharacteristicID
    /// The first and last sample time of the subgroup (seconds since the epoch).
    public var from: Double
    public var to: Double
    public var count: Int
    public var mean: Double
    public var range: Double?
    public var standardDeviation: Double?
    public var minimum: Double?
    public var maximum: Double?
    public var lot: LotID?

    public init(
        characteristic: CharacteristicID, from: Double, to: Double, count: Int, mean: Double,
        range: Double? = nil, standardDeviation: Double? = nil, minimum: Double? = nil,
        maximum: Double? = nil, lot: LotID? = nil
    ) {
        self.characteristic = characteristic
        self.from = from
        self.to = to
        self.count = count
        self.mean = mean
        self.range = range
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
        self.lot = lot
    }
}
