public import LineModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the wall and monotonic clocks together, for stamping requests.
public enum WallClock {
    /// Now, on both clocks.
    public static func now() -> SampleTime {
        var wall = timespec()
        var mono = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        clock_gettime(CLOCK_MONOTONIC, &mono)
        return SampleTime(
            wall: Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9,
            monotonicNanos: UInt64(mono.tv_sec) * 1_000_000_000 + UInt64(mono.tv_nsec))
    }

    /// Blocks the calling thread (used only on a device's own executor, never on the pool).
    static func blockingSleep(_ duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
