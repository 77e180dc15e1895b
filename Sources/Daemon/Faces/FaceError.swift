/// Why a read command could not answer, with the exit status scripts see:
/// 1 the database cannot be read, 2 bad arguments, 5 the thing asked for does not exist.
public struct FaceError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case cannotRead
        case badArgument
        case notFound
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The process exit status for this error.
    public var exitCode: Int32 {
        switch kind {
        case .cannotRead: 1
        case .badArgument: 2
        case .notFound: 5
        }
    }

    public var description: String { message }
}
