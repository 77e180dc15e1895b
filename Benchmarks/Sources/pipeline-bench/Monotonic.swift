#if canImport(Glibc)
import Glibc
#endif

/// Seconds on the monotonic clock: the one time base of every latency in this benchmark (the
/// unit ticker stamps a register change, the signal watcher stamps the row it sees).
enum Monotonic {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// Sleeps until the monotonic time `deadline` (returns at once when it has passed).
    static func sleep(until deadline: Double) {
        let remaining = deadline - now()
        guard remaining > 0 else { return }
        var request = timespec(tv_sec: Int(remaining), tv_nsec: Int((remaining - Double(Int(remaining))) * 1e9))
        var left = timespec()
        while nanosleep(&request, &left) != 0 && errno == EINTR { request = left }
    }
}
