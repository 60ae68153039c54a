/// Every template of a library compiled into one flat array of instructions whose payloads
/// are plain integers. Rendering walks it by index: an instruction is copied as a few words,
/// with no retain or release. Walking the parsed tree copied each node with its arrays and
/// strings, and that copying was more than half of the template engine's time at L.
struct TemplateProgram: Sendable {
    /// A run of `bytes`.
    struct Bytes: Sendable {
        var start: Int32
        var end: Int32
    }

    enum Instruction: Sendable {
        case text(Bytes)
        /// `name` indexes `names`.
        case variable(name: Int32, escaped: Bool)
        /// The body is the instructions after this one, up to `end`.
        case section(name: Int32, end: Int32)
        case invertedSection(name: Int32, end: Int32)
        /// `template` indexes `templates` (-1: no such template, renders nothing);
        /// `overrides` indexes `overrideSets` (-1: none).
        case partial(template: Int32, indentation: Bytes?, overrides: Int32)
        /// `{{$block}}`: `block` is the block name's number; the default body runs up to `end`.
        case block(block: Int32, end: Int32, indentation: Bytes?)
        /// Over the override bodies compiled in line before their `{{<parent}}`.
        case jump(to: Int32)
    }

    /// What a `{{<parent}}` gives its blocks: a body (a run of instructions) per block name.
    struct Override: Sendable {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    private(set) var instructions: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [TemplateName] = []
    private(set) var overrideSets: [[Override]] = []
    /// Each template's instructions, by the index partials use.
    private(set) var templates: [Range<Int>] = []
    private(set) var templateIndex: [String: Int32] = [:]

    private var nameIndex: [TemplateName: Int32] = [:]
    private var blockIndex: [String: Int32] = [:]

    init() {}

    init(_ parsed: [String: Template]) {
        let order = parsed.keys.sorted()
        for (i, name) in order.enumerated() { templateIndex[name] = Int32(i) }
        templates = Array(repeating: 0..<0, count: order.count)
        for (i, name) in order.enumerated() {
            let start = instructions.count
            append(parsed[name]!)
            templates[i] = start..<instructions.count
        }
    }

    private mutating func append(_ template: Template) {
        for node in template.nodes { append(node) }
    }

    private mutating func append(_ node: TemplateNode) {
        switch node {
        case .text(let text):
            instructions.append(.text(store(text)))
        case .variable(let name, let escaped):
            instructions.append(.variable(name: intern(name), escaped: escaped))
        case .section(let name, let body), .invertedSection(let name, let body):
            let at = instructions.count
            let inverted: Bool
            if case .invertedSection = node { inverted = true } else { inverted = false }
            instructions.append(.text(Bytes(start: 0, end: 0)))
            append(body)
            let end = Int32(instructions.count)
            instructions[at] =
                inverted ? .invertedSection(name: intern(name), end: end) : .section(name: intern(name), end: end)
        case .partial(let name, let indentation, let overrides):
            var set: Int32 = -1
            if let overrides {
                // The set's slot is taken first: partials inside the bodies add sets of their own.
                set = Int32(overrideSets.count)
                overrideSets.append([])
                // Each override's body is compiled in line, jumped over, and reached only
                // through the set.
                var compiled: [Override] = []
                for (blockName, body) in overrides.sorted(by: { $0.key < $1.key }) {
                    let bodyStart = instructions.count + 1
                    let jump = instructions.count
                    instructions.append(.jump(to: 0))
                    append(body)
                    instructions[jump] = .jump(to: Int32(instructions.count))
                    compiled.append(
                        Override(block: block(blockName), start: Int32(bodyStart), end: Int32(instructions.count)))
                }
                overrideSets[Int(set)] = compiled
            }
            let indent = indentation.map { store($0) }
            instructions.append(.partial(template: templateIndex[name] ?? -1, indentation: indent, overrides: set))
        case .block(let name, let fallback, let indentation):
            let at = instructions.count
            instructions.append(.text(Bytes(start: 0, end: 0)))
            append(fallback)
            let indent = indentation.map { store($0) }
            instructions[at] = .block(block: block(name), end: Int32(instructions.count), indentation: indent)
        }
    }

    /// The bytes of `run`.
    func run(_ run: Bytes) -> ArraySlice<UInt8> { bytes[Int(run.start)..<Int(run.end)] }

    private mutating func store(_ text: [UInt8]) -> Bytes {
        let start = Int32(bytes.count)
        bytes += text
        return Bytes(start: start, end: Int32(bytes.count))
    }

    private mutating func intern(_ name: TemplateName) -> Int32 {
        if let index = nameIndex[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        nameIndex[name] = index
        return index
    }

    private mutating func block(_ name: String) -> Int32 {
        if let index = blockIndex[name] { return index }
        let index = Int32(blockIndex.count)
        blockIndex[name] = index
        return index
    }
}
