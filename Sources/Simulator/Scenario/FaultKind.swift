/// What a scenario injects. Process faults change what the line makes (they show up in the
/// values and in the ground truth's out-of-spec units); data-integrity faults change only what
/// the device reports or how it answers, never the product.
public enum FaultKind: String, Sendable, Hashable, CaseIterable {
    /// A linear ramp of a characteristic (per hour, per cent of nominal per hour, or per km of web).
    case drift
    /// A sustained shift from the start on (a nozzle stepping down).
    case step
    /// A line stop (the calender halts), then a decaying ripple (amplitude * e^(-t/tau) * sin).
    case ripple
    /// Faster knife wear from the start on, with chip events adding to the burr until a knife change.
    case knifeWear = "knife_wear"
    /// A fraction of the cells tested in the window carry a self-discharge defect (K value).
    case contamination
    /// Dew point rises by `peak` over `rise_s`, then recovers over `recover_s`.
    case excursion
    /// Oven batches in the window come out wet (moisture uniform in [min, max]).
    case underDrying = "under_drying"
    /// The device sends a value in the wrong word/byte order.
    case wordOrder = "word_order"
    /// The value registers stop changing (the sensor is stuck; the controller still counts).
    case frozen
    /// The device sends NaN (and sets the stream's quality bit).
    case nan
    /// The controller hangs: heartbeat, sequence and values stop.
    case heartbeatStop = "heartbeat_stop"
    /// The device drops every connection.
    case offline
    /// Every reply is delayed by `delay_ms`.
    case slow
    /// Every request is answered with Modbus exception `code` (a burst: 6 busy, 10/11 gateway
    /// path / target failed, 2 illegal data address).
    case exception
    /// Every request is answered with bytes that are not a Modbus reply.
    case garbage
    /// Every reply is cut off after its header (the client times out mid-frame).
    case truncated
    /// Every reply comes `delay_ms` late, after the client's response timeout: a client that
    /// does not flush or reconnect reads it as the reply to its next request.
    case lateReply = "late_reply"
    /// The station stops answering and stops reading but never closes the socket (no FIN, no
    /// RST) until the fault ends: the client must find out by its response timeout.
    case halfOpen = "half_open"
    /// The controller reboots: off the network for the fault's window, then back with its
    /// heartbeat and sequence counters restarted from 0.
    case plcRestart = "plc_restart"

    /// True for the faults that change only the reported data, never the product.
    public var isDataIntegrity: Bool {
        switch self {
        case .wordOrder, .frozen, .nan, .heartbeatStop, .offline, .slow, .exception: true
        case .garbage, .truncated, .lateReply, .halfOpen, .plcRestart: true
        default: false
        }
    }

    /// True when the fault applies to one characteristic (which must be named).
    public var needsCharacteristic: Bool {
        switch self {
        case .drift, .step, .excursion, .wordOrder, .frozen, .nan: true
        default: false
        }
    }

    /// The numeric parameters the kind reads, with defaults (nil: required) and ranges.
    public var parameters: [String: (defaultValue: Double?, range: ClosedRange<Double>)] {
        switch self {
        case .drift:
            [
                "rate_per_hour": (0, -1e9...1e9), "rate_percent_per_hour": (0, -1e4...1e4), "rate_per_km": (0, -1e9...1e9),
                "batch_step_sd": (0, 0...1e9),
            ]
        case .step: ["shift": (nil, -1e9...1e9)]
        case .ripple: ["stop_s": (600, 0...1e7), "amplitude": (1.5, 0...1e9), "tau_s": (480, 1...1e7), "period_s": (120, 1...1e7)]
        case .knifeWear: ["wear_factor": (1, 0...1e4), "chip_rate_per_km": (0, 0...1e4), "initial_km": (-1, -1...1e7)]
        case .contamination: ["rate": (0.03, 0...1), "k_min": (0.5, 0...1e3), "k_max": (3, 0...1e3)]
        case .excursion: ["peak": (18, -1e3...1e3), "rise_s": (1200, 1...1e7), "recover_s": (5400, 1...1e7)]
        case .underDrying: ["min": (350, 0...1e6), "max": (450, 0...1e6)]
        case .slow: ["delay_ms": (800, 1...60_000)]
        case .exception: ["code": (6, 1...255)]
        case .lateReply: ["delay_ms": (1500, 1...60_000)]
        case .wordOrder, .frozen, .nan, .heartbeatStop, .offline, .garbage, .truncated, .halfOpen, .plcRestart: [:]
        }
    }
}
