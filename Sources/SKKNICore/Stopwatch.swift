/// Named steps and the wall time each took, in the order they ran: what `--timings` prints
/// (`impor=`, `periksa=`, `situs=` …) comes from here, never from hand-kept instants.
public struct Stopwatch: Sendable {
    public let clock = ContinuousClock()
    /// When the stopwatch started.
    public let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant
    public private(set) var steps: [(name: String, time: Duration)] = []

    public init() {
        start = clock.now
        last = start
    }

    /// Ends the step running since the last lap (or the start) and names it.
    public mutating func lap(_ name: String) {
        let now = clock.now
        steps.append((name, now - last))
        last = now
    }

    /// Adds a step timed elsewhere (another stopwatch's), as if it had just run.
    public mutating func record(_ name: String, _ time: Duration) {
        steps.append((name, time))
        last = clock.now
    }

    /// Runs `body` as the step `name`: a lap before (unnamed time is not counted) and after.
    public mutating func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        last = clock.now
        let value = try body()
        lap(name)
        return value
    }

    /// The time of the step `name` (the sum when it ran more than once); zero when it did not run.
    public subscript(name: String) -> Duration {
        steps.reduce(.zero) { $0 + ($1.name == name ? $1.time : .zero) }
    }

    /// Since the start.
    public var elapsed: Duration { clock.now - start }
}

/// Whole milliseconds of a duration, for timings.
public func milliseconds(_ d: Duration) -> Int {
    Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
}
