import Foundation
import Testing

@testable import SKKNICore

/// `ConcurrentMap.map` keeps input order and owns each result exactly once.
@Suite struct ConcurrentMapTests {
    final class Tracked: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    final class WeakBox: @unchecked Sendable {
        weak var object: Tracked?
    }

    @Test func resultsAreInOrderAndFreedWithTheArray() {
        let boxes = (0..<500).map { _ in WeakBox() }
        do {
            let results = ConcurrentMap.map(Array(0..<500)) { i -> Tracked in
                let tracked = Tracked(i * 2)
                boxes[i].object = tracked
                return tracked
            }
            #expect(results.map(\.value) == (0..<500).map { $0 * 2 })
            #expect(boxes.allSatisfy { $0.object != nil })
        }
        // A leaked reference (the map used to keep one per result) would keep them all alive.
        #expect(boxes.allSatisfy { $0.object == nil })
    }
}
