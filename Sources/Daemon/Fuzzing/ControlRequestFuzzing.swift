import Foundation
import LineModel

/// The control API's request decoding and checking, reachable by the fuzz targets
/// (`Fuzz/Sources/fuzz-control`) without a socket: the same decoder the router uses
/// (Hummingbird's `JSONDecoder`), the same `CheckedBody.check()`, the same path-parameter checks.
@_spi(Fuzzing) public enum ControlRequestFuzzing {
    /// The request bodies, one per state-changing route.
    public enum Body: CaseIterable, Sendable {
        case lotStart, lotEnd, hold, release, disposition, acknowledge, recompute, approve
    }

    /// What the router makes of a body before acting on it.
    public enum Outcome: Sendable, Equatable {
        /// Not a JSON object of that body's shape: HTTP 400 from the decoder.
        case undecodable
        /// Decoded, but refused by `FreeText` (HTTP 400) with this message.
        case refused(String)
        /// Accepted: the text fields by JSON key (absent optional fields left out).
        case accepted([String: String])
    }

    /// Decodes and checks `json` as the body of `kind`.
    public static func body(_ json: [UInt8], as kind: Body) -> Outcome {
        switch kind {
        case .lotStart: outcome(LotStartBody.self, json)
        case .lotEnd: outcome(LotEndBody.self, json)
        case .hold: outcome(HoldBody.self, json)
        case .release: outcome(ReleaseBody.self, json)
        case .disposition: outcome(DispositionBody.self, json)
        case .acknowledge: outcome(AcknowledgeBody.self, json)
        case .recompute: outcome(RecomputeBody.self, json)
        case .approve: outcome(ApproveBody.self, json)
        }
    }

    /// The lot id the router accepts for a still percent-encoded path segment, or nil (HTTP 400).
    public static func lot(pathSegment: String) -> String? {
        ControlPathParameter.lot(pathSegment)?.rawValue
    }

    /// The characteristic id the router accepts for a path segment, or nil (HTTP 400).
    public static func characteristic(pathSegment: String) -> String? {
        ControlPathParameter.characteristic(pathSegment)?.rawValue
    }

    private static func outcome<Body: Decodable & CheckedBody & FuzzedFields>(_ type: Body.Type, _ json: [UInt8]) -> Outcome {
        guard let body = try? JSONDecoder().decode(type, from: Data(json)) else { return .undecodable }
        do {
            try body.check()
        } catch {
            return .refused(error.description)
        }
        return .accepted(body.fields.compactMapValues { $0 })
    }
}

/// The text fields of a body by JSON key, for the fuzz target's independent check.
protocol FuzzedFields {
    var fields: [String: String?] { get }
}

extension LotStartBody: FuzzedFields {
    var fields: [String: String?] { ["lot": lot, "station": station, "kind": kind, "actor": actor] }
}

extension LotEndBody: FuzzedFields {
    var fields: [String: String?] { ["station": station, "actor": actor] }
}

extension HoldBody: FuzzedFields {
    var fields: [String: String?] { ["reason": reason, "actor": actor] }
}

extension ReleaseBody: FuzzedFields {
    var fields: [String: String?] { ["note": note, "actor": actor] }
}

extension DispositionBody: FuzzedFields {
    var fields: [String: String?] {
        ["as": self.as, "concession": concession, "grade": grade, "note": note, "actor": actor]
    }
}

extension AcknowledgeBody: FuzzedFields {
    var fields: [String: String?] { ["cause": cause, "action": action, "actor": actor] }
}

extension RecomputeBody: FuzzedFields {
    var fields: [String: String?] { ["window": window, "actor": actor] }
}

extension ApproveBody: FuzzedFields {
    var fields: [String: String?] { ["actor": actor] }
}
