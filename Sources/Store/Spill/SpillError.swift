import Glibc

/// A failure of the spill file, with the operation, the file and the OS error (if any).
public struct SpillError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for callers that branch on it.
    public enum Kind: String, Sendable, Hashable {
        /// A system call failed; `code` is its errno.
        case io
        /// The records do not fit in the space left: nothing was written.
        case full
        /// The file is not a spill (wrong magic or a format this LineGuard does not know).
        case notASpill = "not_a_spill"
        /// The caller asked for something the spill cannot do (a capacity out of range).
        case invalidArgument = "invalid_argument"
        /// The spill was already closed.
        case closed
    }

    public var kind: Kind
    /// What was being done (`open`, `fallocate`, `pwrite`, `fdatasync`, ...).
    public var operation: String
    public var path: String
    /// The errno of a failed system call (0 when the failure is not the OS's).
    public var code: Int32

    public init(kind: Kind, operation: String, path: String, code: Int32 = 0) {
        self.kind = kind
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The one place where the spill turns errno into a Swift error.
    static func posix(_ operation: String, path: String, code: Int32 = errno) -> SpillError {
        SpillError(kind: .io, operation: operation, path: path, code: code)
    }

    /// True when the failure means the filesystem has no room (ENOSPC, EDQUOT).
    public var isNoSpace: Bool { kind == .io && (code == ENOSPC || code == EDQUOT) }

    public var description: String {
        var text = "spill error (\(kind.rawValue)) in \(operation) of '\(path)'"
        if code != 0 { text += ": \(String(cString: strerror(code))) (errno \(code))" }
        return text
    }
}
