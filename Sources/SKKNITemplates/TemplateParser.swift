/// A parsed template: the nodes of one template body (a file, a section, a block).
struct Template: Sendable {
    var nodes: [TemplateNode]
}

/// A variable or section name: `.` (the current value), `.a.b` (from the current value only)
/// or `a.b` (the first value up the context stack that has `a`, then `b` inside it).
struct TemplateName: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case current, anchored, stack }
    var kind: Kind
    var parts: [String]

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        kind = text == "." ? .current : text.hasPrefix(".") ? .anchored : .stack
    }
}

/// The parsed form, compiled into a `TemplateProgram` for rendering.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, Template)
    case invertedSection(TemplateName, Template)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with block overrides. A partial alone on its
    /// line indents every line it renders by the whitespace before it.
    case partial(String, indentation: [UInt8]?, overrides: [String: Template]?)
    /// `{{$name}}default{{/name}}`: the override a child template gives, else the default.
    case block(String, Template, indentation: [UInt8]?)
}

public struct TemplateSyntaxError: Error, Sendable {
    public var line: Int
    public var message: String
}

/// Reads Mustache text the way swift-mustache 2 does, so the same templates give the same
/// bytes (the tests render every seed page with both): a tag alone on its line (sections,
/// inverted sections, closings, comments, partials, parents, blocks) takes the line with it;
/// other whitespace is kept as written. Set delimiters, pragmas, transforms `f(x)` and
/// dynamic partials are refused with a line number rather than half supported.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(text)
        return try parser.parse(State())
    }

    struct State {
        var sectionName: String?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, where only block overrides may stand.
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: String?

        func withSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    // MARK: reading

    private var reachedEnd: Bool { position == characters.count }
    /// The character at the cursor, "\0" at the end (as swift-mustache's parser).
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    private func error(_ message: String) -> TemplateSyntaxError {
        let line = characters[..<min(position, characters.count)].reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        return TemplateSyntaxError(line: line, message: message)
    }

    private mutating func read(while accepts: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, accepts(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Consumes `text` if it is next; running past the end is an error, as in swift-mustache.
    private mutating func read(_ text: String) throws(TemplateSyntaxError) -> Bool {
        let wanted = Array(text)
        guard position + wanted.count <= characters.count else { throw error("templat berakhir di tengah tag") }
        guard Array(characters[position..<position + wanted.count]) == wanted else { return false }
        position += wanted.count
        return true
    }

    private mutating func readUntilTagOrNewline() throws(TemplateSyntaxError) -> String {
        var text = ""
        while !reachedEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if reachedEnd || current.isNewline { break }
            if try read("{{") { break }
            text.append("{")
            position += 1
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private mutating func readName() throws(TemplateSyntaxError) -> String {
        let name = try readTagName(Self.nameCharacters)
        guard !name.isEmpty else { throw error("tag tanpa nama") }
        guard !name.contains("("), !name.contains(")") else {
            throw error("transformasi \(name) tidak didukung")
        }
        return name
    }

    private mutating func readPartialName() throws(TemplateSyntaxError) -> String {
        let name = try readTagName(Self.partialNameCharacters)
        guard !name.isEmpty else { throw error("partial tanpa nama") }
        return name
    }

    /// The name inside a tag, whitespace around it allowed, up to and with the closing `}}`.
    private mutating func readTagName(_ allowed: Set<Character>) throws(TemplateSyntaxError) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { allowed.contains($0) }
        _ = read(while: \.isWhitespace)
        guard try read("}}") else { throw error("tag tidak ditutup dengan }}") }
        return name
    }

    /// The rest of the line is blank: consume it with its newline.
    private mutating func lineFinished() -> Bool {
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && lineFinished()
    }

    // MARK: parsing

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> Template {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        func text(_ text: String) -> TemplateNode { .text(Array(text.utf8)) }
        while !reachedEnd {
            if state.newLine {
                let whitespace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whitespace
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let content = try readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(text(whitespaceBefore + content + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !content.isEmpty {
                nodes.append(text(whitespaceBefore + content))
                whitespaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(state) {
                    setNewLine = true
                } else if !whitespaceBefore.isEmpty {
                    nodes.append(text(whitespaceBefore))
                    whitespaceBefore = ""
                }
                let body = try parse(state.withSection(name, newLine: setNewLine))
                nodes.append(
                    inverted ? .invertedSection(TemplateName(name), body) : .section(TemplateName(name), body))
            case "/":
                position += 1
                let name = try readName()
                guard name == state.sectionName else {
                    throw error(
                        state.sectionName.map { "{{/\(name)}} menutup {{#\($0)}}" } ?? "{{/\(name)}} tanpa pembuka")
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    nodes.append(text(whitespaceBefore))
                }
                return Template(nodes: nodes)
            case "!":
                position += 1
                var closed = false
                while !reachedEnd {
                    if try read("}}") {
                        closed = true
                        break
                    }
                    position += 1
                }
                guard closed else { throw error("komentar {{!…}} tidak ditutup") }
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                if !whitespaceBefore.isEmpty {
                    nodes.append(text(whitespaceBefore))
                    whitespaceBefore = ""
                }
                position += 1
                let name = try readName()
                if triple {
                    guard !reachedEnd else { throw error("templat berakhir di tengah tag") }
                    guard current == "}" else { throw error("{{{\(name)}} tanpa } ketiga") }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw error("partial dinamis tidak didukung") }
                let name = try readPartialName()
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Array(whitespaceBefore.utf8), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName()
                if name.hasPrefix("*") { throw error("induk dinamis tidak didukung") }
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.withParent(name))
                var overrides: [String: Template] = [:]
                for node in body.nodes {
                    switch node {
                    case .block(let blockName, let template, _): overrides[blockName] = template
                    case .text: break
                    default: throw error("di dalam {{<\(name)}} hanya boleh blok {{$…}}")
                    }
                }
                nodes.append(.partial(name, indentation: Array(whitespaceBefore.utf8), overrides: overrides))
                whitespaceBefore = ""
            case "$":
                position += 1
                let name = try readName()
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    // A definition: collected by the enclosing parent tag as an override.
                    nodes.append(
                        .block(name, try parse(state.withSection(name, newLine: setNewLine)), indentation: nil))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSection(name, newLine: setNewLine))
                    nodes.append(.block(name, body, indentation: Array(whitespaceBefore.utf8)))
                    whitespaceBefore = ""
                }
            case "=": throw error("mengganti pembatas tag {{=…=}} tidak didukung")
            case "%": throw error("pragma {{%…}} tidak didukung")
            default:
                if !whitespaceBefore.isEmpty {
                    nodes.append(text(whitespaceBefore))
                    whitespaceBefore = ""
                }
                nodes.append(.variable(TemplateName(try readName()), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw error("{{#\(open)}} tidak ditutup") }
        return Template(nodes: nodes)
    }
}
