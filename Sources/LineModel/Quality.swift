/// How far a measured value can be trusted.
///
/// Only `.good` values may reach a control chart, a control-limit computation or a defect
/// decision; everything else is a data-quality fact about the line, never about the product.
public enum Quality: Sendable, Hashable {
    /// Read successfully, decoded, and inside the configured physical range.
    case good
    /// The value was not refreshed in time (the last good read is older than allowed).
    case stale
    /// The request failed on the link: timeout, socket error, bad transaction id.
    case commError
    /// The device answered with a Modbus exception (code as sent, e.g. 2, 6, 10, 11).
    case deviceException(code: UInt8)
    /// The registers arrived but do not make a plausible value.
    case decodeError(DecodeProblem)
    /// The sensor repeated the same value for more polls than allowed.
    case frozen

    /// Why a set of registers did not decode into a usable value.
    public enum DecodeProblem: String, Sendable, Hashable, CaseIterable {
        case notANumber = "nan"
        case infinite = "inf"
        case outOfPhysicalRange = "range"
        /// Further from the last accepted value than the characteristic's `max_step` allows
        /// (a word-swapped float that lands inside the physical range, a spike).
        case implausibleStep = "step"
        case badString = "string"
    }

    /// True only for `.good`.
    public var isGood: Bool { self == .good }

    /// A stable text form for storage and logs: `good`, `stale`, `comm_error`,
    /// `exception:6`, `decode:nan`, `frozen`.
    public var code: String {
        switch self {
        case .good: "good"
        case .stale: "stale"
        case .commError: "comm_error"
        case .deviceException(let code): "exception:\(code)"
        case .decodeError(let problem): "decode:\(problem.rawValue)"
        case .frozen: "frozen"
        }
    }

    /// Parses `code`; nil for text that no `Quality` produces.
    public init?(code: String) {
        switch code {
        case "good": self = .good
        case "stale": self = .stale
        case "comm_error": self = .commError
        case "frozen": self = .frozen
        default:
            if code.hasPrefix("exception:"), let value = UInt8(code.dropFirst("exception:".count)) {
                self = .deviceException(code: value)
            } else if code.hasPrefix("decode:"),
                let problem = DecodeProblem(rawValue: String(code.dropFirst("decode:".count)))
            {
                self = .decodeError(problem)
            } else {
                return nil
            }
        }
    }
}
