#if canImport(Glibc)
import Glibc
#endif

/// A value behind a pthread mutex. Used where the state holds C pointers, which
/// `Synchronization.Mutex` would only accept as `sending` values.
///
/// `@unchecked Sendable`: `state` is private and read or written only inside `withLock`, between
/// `pthread_mutex_lock` and `pthread_mutex_unlock` on a mutex that lives (at a fixed address) as
/// long as the object.
final class LockedState<State>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    init(_ state: State) {
        self.state = state
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T, E: Error>(_ body: (inout State) throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
