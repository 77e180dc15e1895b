/// The line at a glance, for the status CLI and the control API: devices, characteristics with
/// their last value and limits, open signals, open defects, held lots and open lots.
public struct StatusReport: Sendable, Hashable, Codable {
    public var devices: [DeviceStatus]
    public var characteristics: [CharacteristicStatus]
    /// Signals not yet acknowledged, newest first.
    public var openSignals: [SignalRecord]
    /// Defects not yet closed or disposed, newest first.
    public var defects: [DefectRecord]
    public var heldLots: [LotRecord]
    /// Lots started and not yet ended.
    public var openLots: [LotRecord]

    public init(
        devices: [DeviceStatus], characteristics: [CharacteristicStatus], openSignals: [SignalRecord],
        defects: [DefectRecord], heldLots: [LotRecord], openLots: [LotRecord]
    ) {
        self.devices = devices
        self.characteristics = characteristics
        self.openSignals = openSignals
        self.defects = defects
        self.heldLots = heldLots
        self.openLots = openLots
    }
}
