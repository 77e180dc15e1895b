/// A stored data-quality event (device down/up, decode error, frozen sensor, ...).
public struct DataQualityRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: String
    public var device: String
    public var characteristic: String?
    public var detail: String
    public var time: Double
}
