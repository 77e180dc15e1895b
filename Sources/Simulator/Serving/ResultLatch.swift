/// The result-ready handshake of a simulated controller. Without acknowledge, every new result
/// is latched at once (a slow poller sees the sequence counter skip). With acknowledge, a
/// latched result stays until the poller writes its sequence number (low 16 bits) to the
/// acknowledge register; later results wait in a queue of `capacity`, and beyond it the oldest
/// waiting results are lost (and counted), as on a PLC with a full buffer.
public struct ResultLatch: Sendable, Hashable {
    public let acknowledgeRequired: Bool
    public let capacity: Int
    /// The result on the registers.
    public private(set) var latched: StationRecord?
    /// True once the latched result was acknowledged (always true without acknowledge).
    public private(set) var acknowledged = true
    private var queue: [StationRecord] = []
    private var head = 0
    /// Results dropped because the queue was full.
    public private(set) var lost = 0

    public init(acknowledgeRequired: Bool, capacity: Int) {
        self.acknowledgeRequired = acknowledgeRequired
        self.capacity = max(1, capacity)
    }

    /// Results waiting behind the latched one.
    public var waiting: Int { queue.count - head }

    /// Takes a new result; returns how many waiting results were lost to make room (0 normally).
    @discardableResult
    public mutating func offer(_ record: StationRecord) -> Int {
        guard acknowledgeRequired else {
            latched = record
            return 0
        }
        if acknowledged && waiting == 0 {
            latch(record)
            return 0
        }
        queue.append(record)
        var dropped = 0
        while waiting > capacity {
            head += 1
            dropped += 1
        }
        lost += dropped
        compact()
        return dropped
    }

    /// Applies the acknowledge register's value; returns true when a new result was latched.
    @discardableResult
    public mutating func acknowledge(_ value: UInt16) -> Bool {
        guard acknowledgeRequired, let latched, !acknowledged,
            value == UInt16(truncatingIfNeeded: latched.sequence)
        else { return false }
        acknowledged = true
        guard waiting > 0 else { return false }
        let next = queue[head]
        head += 1
        compact()
        latch(next)
        return true
    }

    private mutating func latch(_ record: StationRecord) {
        latched = record
        acknowledged = false
    }

    private mutating func compact() {
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
