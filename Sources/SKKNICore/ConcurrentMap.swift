import Foundation

/// `map` over all cores; results stay in input order.
public enum ConcurrentMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let results = buffer
        // Many strided chunks per core: small items (titles to fold) do not pay a dispatch
        // each, a run of large ones (the decrees among thousands of schemes) is spread over
        // all chunks instead of landing in one, and the last chunk, which one core works
        // through while the other has none left, is short (sixteen per core left a core idle
        // for most of a second at the end of a national build's pages).
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 64)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for i in stride(from: chunk, to: items.count, by: chunks) { results[i] = transform(items[i]) }
        }
        // Moved out, so each result is owned once: copying them out and deallocating the buffer
        // without deinitializing it kept an extra reference to every result (a leak of all of
        // them; a watching build grew by each rebuild's CSV downloads).
        return (0..<items.count).map { (buffer.baseAddress! + $0).move()! }
    }

    /// Runs `body` for every item on all cores.
    public static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) -> Void) {
        DispatchQueue.concurrentPerform(iterations: items.count) { i in body(items[i]) }
    }
}
