/// What a page shows, as the templates see it: typed, so rendering looks values up with a
/// switch instead of dynamic casts on `Any` (the cost that dominated rendering with a general
/// Mustache engine).
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// A text that may be missing: Mustache counts every text, even "", as true, so a missing
    /// one must be `false` to hide its section.
    static func textOrFalse(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
