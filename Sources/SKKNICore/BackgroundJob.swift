import CSKKNISystem
import Foundation

/// Gives memory the process has freed back to the system, where the allocator would keep it
/// (glibc): a long-running `build --watch` frees each rebuild's transient data.
public enum ReleaseMemory {
    public static func now() { skkni_release_free_memory() }
}

/// Work on a thread of its own, waited for later; its error is rethrown by `wait`.
public final class BackgroundJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var error: (any Error)?
    private var duration = Duration.zero

    /// Waits for the work; the error it ended with, nil if it succeeded.
    public var failure: (any Error)? {
        done.wait()
        done.signal()
        return error
    }

    public init(_ work: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            do { try work() } catch { self.error = error }
            duration = clock.now - start
            done.signal()
        }
        thread.start()
    }

    /// Blocks until the work is done; how long it ran.
    public func wait() throws -> Duration {
        done.wait()
        done.signal()  // a second wait returns at once
        if let error { throw error }
        return duration
    }
}

/// A value computed on a thread of its own (a `BackgroundJob` with a result).
public final class BackgroundValue<Value>: @unchecked Sendable {
    private var value: Value?
    private var job: BackgroundJob!

    public init(_ work: @escaping @Sendable () throws -> Value) {
        job = BackgroundJob { [self] in value = try work() }
    }

    /// Blocks until the value is there; rethrows the work's error.
    public func get() throws -> Value {
        _ = try job.wait()
        return value!
    }
}
