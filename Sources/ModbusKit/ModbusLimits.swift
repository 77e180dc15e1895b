/// The protocol's per-request limits (Modbus Application Protocol v1.1b3, section 6).
public enum ModbusLimits {
    /// FC3/FC4: registers per read.
    public static let maxReadRegisters = 125
    /// FC1/FC2: bits per read.
    public static let maxReadBits = 2000
    /// FC16: registers per write.
    public static let maxWriteRegisters = 123
    /// FC15: coils per write.
    public static let maxWriteBits = 1968
}
