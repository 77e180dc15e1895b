import Foundation
import LineModel

/// The control API's path parameters, checked before use. The CLI percent-encodes each path
/// segment once; the router hands the segment over still encoded, so each is decoded once here.
enum ControlPathParameter {
    /// The lot id of `/v1/lots/:lot/...`: percent-decoded, then `LotIdentifierText.validated`
    /// (1-64 printable ASCII characters, no spaces). nil refuses the request.
    static func lot(_ raw: String?) -> LotID? {
        guard let raw, let text = raw.removingPercentEncoding else { return nil }
        return LotIdentifierText.validated(text)
    }

    /// The characteristic id of `/v1/limits/:characteristic/...`: percent-decoded, not empty.
    static func characteristic(_ raw: String?) -> CharacteristicID? {
        guard let raw, let text = raw.removingPercentEncoding, !text.isEmpty else { return nil }
        return CharacteristicID(text)
    }
}
