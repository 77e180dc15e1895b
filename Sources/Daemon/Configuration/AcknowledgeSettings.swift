import ModbusKit

/// A device's result-ready handshake with acknowledge (`acknowledge`): the controller keeps a
/// result on its registers until LineGuard writes the result counter's low 16 bits to a holding
/// register, and queues the results made meanwhile. LineGuard acknowledges a result only after
/// the cycle that read it was judged and queued for the store, and polls again at once while
/// results keep coming, so a station that makes results faster than the poll interval loses
/// none (as long as its queue lasts).
public struct AcknowledgeSettings: Sendable, Hashable {
    /// The result counter to echo (an integer register of the same device).
    public var counter: RegisterSource
    /// The holding register written (protocol address, after address_base). It becomes the
    /// device's only write target besides configured interlocks.
    public var address: UInt16

    public init(counter: RegisterSource, address: UInt16) {
        self.counter = counter
        self.address = address
    }

    /// The value written for counter `value`: its low 16 bits.
    public static func echo(_ value: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: value) }
}
