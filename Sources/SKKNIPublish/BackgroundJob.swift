import Foundation

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
    // Written by the job before it signals, read after `wait`.
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
