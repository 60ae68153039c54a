/// What a page shows, as the templates see it: typed, so rendering looks values up with a
/// switch instead of dynamic casts on `Any` (the cost that dominated rendering with a general
/// Mustache engine).
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// A text that may be missing: Mustache counts every text, even "", as true, so a missing
    /// one must be `false` to hide its section.
    public static func textOrFalse(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    public static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }

    /// An object's field; nil for any other value.
    @inline(__always) func field(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// An object's fields, in the order they were declared. A page's objects have a handful of
/// fields with short literal names, so a scan finds one faster than a hash table, and
/// declaring 120,000 pages' contexts hashes no key at all. Equal when the same names have
/// the same values, in any order (as dictionaries are).
public struct TemplateObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: TemplateValue)
    // Unlabelled, as the literals that make nearly every object give them: taken whole.
    private var fields: [(String, TemplateValue)]

    /// A name given twice keeps its last value.
    public init(_ elements: [(String, TemplateValue)]) {
        // Taken whole and checked once: inserting each field through the setter scanned and
        // grew the array for every name, a fifth of declaring a page's context.
        fields = elements
        if Self.repeatsAName(fields) {
            fields = []
            for (key, value) in elements { self[key] = value }
        }
    }

    private static func repeatsAName(_ fields: [(String, TemplateValue)]) -> Bool {
        for i in fields.indices.dropFirst() {
            for j in 0..<i where fields[j].0 == fields[i].0 { return true }
        }
        return false
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

    public subscript(key: String) -> TemplateValue? {
        get {
            // By index: copying each field out of the array retained its value.
            for i in fields.indices where fields[i].0 == key { return fields[i].1 }
            return nil
        }
        set {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                if let newValue { fields[index].1 = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }

    public var count: Int { fields.count }
    public var keys: [String] { fields.map(\.0) }
    public func makeIterator() -> Iterator { Iterator(base: fields.makeIterator()) }

    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[(String, TemplateValue)]>
        public mutating func next() -> Element? { base.next().map { (key: $0.0, value: $0.1) } }
    }

    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.count == b.count && a.fields.allSatisfy { b[$0.0] == $0.1 }
    }
}
