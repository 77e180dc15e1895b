/// Something about the data, not the product: a device going down, a decode error, a frozen
/// sensor, a skipped handshake. Never a process hold.
public struct DataQualityEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case deviceDown = "device_down"
        case deviceUp = "device_up"
        case deviceDegraded = "device_degraded"
        case decodeError = "decode_error"
        case frozenSensor = "frozen_sensor"
        case skippedSequence = "skipped_sequence"
        case heartbeatLost = "heartbeat_lost"
        case exception
        case droppedSamples = "dropped_samples"
    }

    public var kind: Kind
    public var device: String
    public var characteristic: CharacteristicID?
    public var detail: String
    public var time: SampleTime

    public init(kind: Kind, device: String, characteristic: CharacteristicID? = nil, detail: String, time: SampleTime) {
        self.kind = kind
        self.device = device
        self.characteristic = characteristic
        self.detail = detail
        self.time = time
    }
}
