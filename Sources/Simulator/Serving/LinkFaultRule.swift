import ModbusKit

/// The `FaultRule` a station server applies for a link-level fault.
enum LinkFaultRule {
    /// - Parameters:
    ///   - now: line seconds now (a half-open link holds requests until the fault's end).
    ///   - speed: line seconds per wall second.
    static func rule(_ fault: FaultDefinition, now: Double, speed: Double) -> FaultRule {
        switch fault.kind {
        case .slow, .lateReply: return FaultRule(action: .delay(.milliseconds(Int64(fault.parameter("delay_ms")))))
        case .exception: return FaultRule(action: .exception(UInt8(clamping: Int(fault.parameter("code")))))
        case .garbage: return FaultRule(action: .garbage)
        case .truncated: return FaultRule(action: .truncated)
        case .halfOpen:
            // The server reads nothing more from a connection whose reply it holds back, and
            // never closes it: held until the window is over (at least a second), then the
            // stale reply goes out to whatever is left of the connection.
            let wallSeconds = max(1, ((fault.end ?? now + 3600) - now) / speed + 1)
            return FaultRule(action: .delay(.milliseconds(Int64(wallSeconds * 1000))))
        default: return FaultRule(action: .dropConnection)
        }
    }
}
