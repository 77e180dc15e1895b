/// One acquired value of one characteristic, with its quality and the lot it belongs to.
public struct Sample: Sendable, Hashable {
    public var characteristic: CharacteristicID
    /// The engineering value (after scale and offset). Meaningless unless `quality.isGood`.
    public var value: Double
    public var quality: Quality
    public var time: SampleTime
    /// The lot that was current at the request time, if the station reports one.
    public var lot: LotID?
    /// The unit counter or handshake sequence number that identifies this measurement at the
    /// device (a cell counter, a result sequence), when there is one.
    public var sequence: UInt64?

    public init(
        characteristic: CharacteristicID, value: Double, quality: Quality, time: SampleTime,
        lot: LotID? = nil, sequence: UInt64? = nil
    ) {
        self.characteristic = characteristic
        self.value = value
        self.quality = quality
        self.time = time
        self.lot = lot
        self.sequence = sequence
    }
}
