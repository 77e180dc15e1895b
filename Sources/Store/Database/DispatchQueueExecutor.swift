import Dispatch

/// A serial executor whose jobs run on one private `DispatchQueue`, so that an actor using it
/// makes its blocking SQLite calls on a thread of its own and never on Swift's cooperative pool
/// (which has two threads on the line's boxes).
///
/// `Sendable` without `@unchecked`: the only stored property is a `DispatchQueue`, which is
/// `Sendable`.
final class DispatchQueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Runs `work` on the queue, in order with the actor's jobs (for work that enters the
    /// actor with `assumeIsolated` without making its caller wait).
    func schedule(_ work: @escaping @Sendable () -> Void) {
        queue.async(execute: work)
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
