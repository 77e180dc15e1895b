@_spi(Fuzzing) import Daemon
import Foundation
import FuzzSupport

/// libFuzzer's entry. The first byte picks the case: a request body as raw JSON, a body built as
/// a JSON object from fuzzed strings (so that the checks behind the decoder are reached often),
/// or a lot or characteristic path segment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzControl(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data: data, count: count)
    let choice = input.byte()
    let kinds = ControlRequestFuzzing.Body.allCases
    switch choice % 4 {
    case 0:
        let kind = kinds[Int(choice / 4) % kinds.count]
        ControlCheck.body(Array(input.remaining), as: kind)
    case 1:
        let kind = kinds[Int(choice / 4) % kinds.count]
        ControlCheck.body(ControlCheck.object(&input), as: kind)
    case 2:
        ControlCheck.lot(String(decoding: input.remaining, as: UTF8.self))
    default:
        let segment = String(decoding: input.remaining, as: UTF8.self)
        let id = ControlRequestFuzzing.characteristic(pathSegment: segment)
        let expected = segment.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
        invariant(id == expected, "characteristic segment \(segment.debugDescription) gave \(String(describing: id))")
    }
    return 0
}

/// The control API's documented acceptance rules (SECURITY.md, F2), written out independently
/// of `FreeText`, and the checks of each outcome against them.
enum ControlCheck {
    /// The text fields each body checks and their length limits; other fields (`lot` of a
    /// lot start, `as` of a disposition) are checked by the route itself.
    static let limits: [ControlRequestFuzzing.Body: [String: Int]] = [
        .lotStart: ["actor": 64, "kind": 32, "station": 128],
        .lotEnd: ["actor": 64, "station": 128],
        .hold: ["actor": 64, "reason": 500],
        .release: ["actor": 64, "note": 500],
        .disposition: ["actor": 64, "note": 500, "concession": 64, "grade": 16],
        .acknowledge: ["actor": 64, "cause": 500, "action": 500],
        .recompute: ["actor": 64, "window": 16],
        .approve: ["actor": 64],
    ]

    static let keys = ["lot", "station", "kind", "actor", "reason", "note", "as", "concession", "grade", "cause", "action", "window"]

    /// A JSON object of fuzzed keys and string values (sometimes a number or null, which the
    /// decoder must refuse for a string field or take as absent).
    static func object(_ input: inout FuzzInput) -> [UInt8] {
        var members: [String] = []
        for _ in 0..<Int(input.byte() % 8) {
            let key = input.choose(keys)
            let length = input.byte() < 240 ? Int(input.byte() % 24) : input.int(in: 0...700)
            var value = String.UnicodeScalarView()
            for _ in 0..<length {
                let raw = input.byte()
                let scalar: Unicode.Scalar = switch raw {
                case 0xF0...0xFF: Unicode.Scalar(0x80 + UInt32(raw & 0x1F))!  // C1 controls
                case 0xE0..<0xF0: "\u{263A}"
                default: Unicode.Scalar(raw & 0x7F)
                }
                value.append(scalar)
            }
            let encoded = String(decoding: try! JSONEncoder().encode(String(value)), as: UTF8.self)
            let member = switch input.byte() % 16 {
            case 0: "null"
            case 1: "42"
            default: encoded
            }
            members.append("\"\(key)\":\(member)")
        }
        return Array("{\(members.joined(separator: ","))}".utf8)
    }

    static func body(_ json: [UInt8], as kind: ControlRequestFuzzing.Body) {
        let outcome = ControlRequestFuzzing.body(json, as: kind)
        let limits = Self.limits[kind]!
        switch outcome {
        case .undecodable:
            return
        case .accepted(let fields):
            invariant(fields["actor"] != nil, "\(kind) accepted without an actor")
            for (key, value) in fields {
                guard let limit = limits[key] else { continue }
                invariant(acceptable(value, limit: limit), "\(kind).\(key) accepted: \(value.debugDescription)")
            }
        case .refused(let message):
            invariant(!message.isEmpty && !message.unicodeScalars.contains(where: isControl), "refusal message \(message)")
            // The same JSON, decoded again by the same decoder (same choice among duplicated
            // keys) without the checks, must hold a field that breaks them.
            guard let object = try? JSONDecoder().decode([String: JSONField].self, from: Data(json)) else {
                invariant(false, "\(kind) refused but not a JSON object")
                return
            }
            let broken = limits.contains { key, limit in
                object[key]?.text.map { !acceptable($0, limit: limit) } ?? false
            }
            invariant(broken, "\(kind) refused (\(message)) though every field is acceptable")
        }
    }

    /// A lot path segment: accepted exactly when the percent-decoded text, without NUL and
    /// space padding, is 1-64 printable ASCII characters with no space.
    static func lot(_ segment: String) {
        let lot = ControlRequestFuzzing.lot(pathSegment: segment)
        var expected: String?
        if let decoded = segment.removingPercentEncoding {
            var scalars = Substring(decoded).unicodeScalars
            while let first = scalars.first, first == "\0" || first == " " { scalars.removeFirst() }
            while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
            if (1...64).contains(scalars.count), scalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
                expected = String(scalars)
            }
        }
        invariant(lot == expected, "lot segment \(segment.debugDescription) gave \(String(describing: lot))")
    }

    static func acceptable(_ text: String, limit: Int) -> Bool {
        text.count <= limit && !text.unicodeScalars.contains(where: isControl)
    }

    /// C0, DEL and C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// One member of a JSON object: its text when it is a string, nil for anything else.
struct JSONField: Decodable {
    var text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
