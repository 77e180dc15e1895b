/// Where the simulated electrolyte filling machine publishes its data (0-based protocol
/// addresses of holding registers, unit 1). Values are big-endian (ABCD) like most PLCs.
///
/// | address | registers | content |
/// |---|---|---|
/// | 0 | 1 | heartbeat, +1 every 100 ms of line time (wraps at 65535) |
/// | 1 | 1 | status word: bit 0 running, bit 1 fault |
/// | 2 | 2 | machine cycle counter (uint32) |
/// | 10 | 8 | current lot id, ASCII, 2 characters per register, high byte first, NUL padded |
/// | 100 + 2 n | 2 | nozzle n's last fill weight in g (float32), n = 0...7 |
/// | 200 + 2 n | 2 | nozzle n's cell counter (uint32): +1 with every new fill weight |
public enum FillingRegisterMap {
    public static let heartbeat: UInt16 = 0
    public static let statusWord: UInt16 = 1
    public static let cycleCounter: UInt16 = 2
    public static let lotID: UInt16 = 10
    public static let lotIDRegisters = 8
    public static let weightBase: UInt16 = 100
    public static let counterBase: UInt16 = 200
    /// One past the highest register used.
    public static let size = 256

    public static func weight(nozzle: Int) -> UInt16 { weightBase + UInt16(2 * nozzle) }
    public static func counter(nozzle: Int) -> UInt16 { counterBase + UInt16(2 * nozzle) }
}
