public import ModbusKit

/// One fault of a scenario: what, where, when, and its parameters.
public struct FaultDefinition: Sendable, Hashable {
    /// Unique within the scenario; names the fault in the ground truth.
    public var id: String
    public var kind: FaultKind
    public var station: String
    public var characteristic: String?
    /// 0-based streams (lanes, nozzles) it touches; nil: every stream.
    public var streams: [Int]?
    /// Line seconds from the start of the run.
    public var start: Double
    /// Line seconds at which it ends (nil: never, or as the kind's shape implies).
    public var end: Double?
    /// Alternatively: the fault begins with the station's result `afterUnit + 1`.
    public var afterUnit: Int?
    /// Further `station.characteristic` pairs whose first out-of-spec unit belongs to this
    /// fault (a coating drift pushes calendering density out).
    public var affects: [String]
    /// Further stations whose results inside the fault window count as touched (cells exposed
    /// to a dew-point excursion).
    public var touches: [String]
    public var parameters: [String: Double]
    /// For `word_order`: the order the device wrongly uses.
    public var order: ByteOrder?

    public init(
        id: String, kind: FaultKind, station: String, characteristic: String? = nil, streams: [Int]? = nil,
        start: Double, end: Double? = nil, afterUnit: Int? = nil, affects: [String] = [], touches: [String] = [],
        parameters: [String: Double] = [:], order: ByteOrder? = nil
    ) {
        self.id = id
        self.kind = kind
        self.station = station
        self.characteristic = characteristic
        self.streams = streams
        self.start = start
        self.end = end
        self.afterUnit = afterUnit
        self.affects = affects
        self.touches = touches
        var filled = parameters
        for (key, parameter) in kind.parameters where filled[key] == nil {
            if let value = parameter.defaultValue { filled[key] = value }
        }
        self.parameters = filled
        self.order = order
    }

    /// A parameter (defaults filled in at init).
    public func parameter(_ key: String) -> Double { parameters[key] ?? 0 }

    /// True when the fault covers `stream` (0-based).
    public func covers(stream: Int) -> Bool { streams?.contains(stream) ?? true }

    /// The line time at which the fault's effect is over (nil: it lasts to the end of the run).
    public var effectiveEnd: Double? {
        switch kind {
        case .ripple: start + parameter("stop_s") + 5 * parameter("tau_s")
        case .excursion: end ?? (start + parameter("rise_s") + parameter("recover_s"))
        default: end
        }
    }
}
