import Foundation

/// A site that cannot be built: a template missing or unreadable, a page that cannot be written.
public struct SiteError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// The templates of `site/templates/`, parsed once and rendered many times on all cores.
///
/// Why not a general Mustache engine: rendering 120,000 pages with swift-mustache spent most
/// of its time in dynamic casts on `[String: Any]` contexts. Here a context is a
/// `TemplateValue`, a lookup is a switch and a dictionary read, and output goes straight
/// into a byte buffer. The reading of the template text follows swift-mustache 2 and the
/// tests hold the two to the same bytes on every seed page and on generated templates.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    private var program = TemplateProgram()
    /// Each registered template's name and text, in file-name order: what its output depends on.
    public private(set) var sources: [(name: String, text: String)] = []

    public init() {}

    /// Every `*.mustache` file in `directory`, by name without the extension. A syntax error
    /// or a partial that names no template is reported as `file:line`.
    public init(directory: URL) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        guard !names.isEmpty else { throw SiteError(description: "\(directory.path): tidak ada templat") }
        for name in names {
            let file = directory.appendingPathComponent(name)
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw SiteError(description: "\(file.path): tidak terbaca sebagai UTF-8")
            }
            do {
                try register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw SiteError(description: "\(file.path):\(error.line): templat tidak sah: \(error.message)")
            }
        }
        if let (template, partial) = missingPartial() {
            throw SiteError(
                description: "\(directory.appendingPathComponent(template + ".mustache").path): "
                    + "partial '\(partial)' tidak ada di \(directory.path)")
        }
    }

    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
        // Partials are resolved to template numbers, so every registration compiles them all
        // again (a site has about twenty templates).
        program = TemplateProgram(templates)
        sources.removeAll { $0.name == name }
        sources.append((name, text))
        sources.sort { $0.name + ".mustache" < $1.name + ".mustache" }
    }

    /// The first (template, partial) where a template includes one that is not registered.
    func missingPartial() -> (String, String)? {
        func missing(in template: Template) -> String? {
            for node in template.nodes {
                switch node {
                case .partial(let name, _, let overrides):
                    if templates[name] == nil { return name }
                    for override in (overrides ?? [:]).values { if let m = missing(in: override) { return m } }
                case .section(_, let body), .invertedSection(_, let body), .block(_, let body, _):
                    if let m = missing(in: body) { return m }
                case .text, .variable: break
                }
            }
            return nil
        }
        for name in templates.keys.sorted() {
            if let partial = missing(in: templates[name]!) { return (name, partial) }
        }
        return nil
    }

    /// Renders `context` with the template `name`; nil when there is no such template.
    public func render(_ context: TemplateObject, withTemplate name: String) -> [UInt8]? {
        guard let index = program.templateIndex[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(32768)
        var stack: [TemplateValue] = [.object(context)]
        let range = program.templates[Int(index)]
        render(range.lowerBound, range.upperBound, stack: &stack, scope: Scope(), into: &output)
        return output
    }

    /// What a partial or block passes down besides the values: its indentation and the
    /// block overrides of the parents it was reached through.
    struct Scope {
        var indentation: [UInt8]?
        var overrides: [TemplateProgram.Override]?
    }

    /// Renders the instructions `start..<end`, one template body.
    private func render(
        _ start: Int, _ end: Int, stack: inout [TemplateValue], scope: Scope, into output: inout [UInt8]
    ) {
        var i = start
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            while i < end { i = render(at: i, stack: &stack, scope: scope, into: &output) }
            return
        }
        // Inside an indented partial every piece that starts a new line of this template's
        // output is indented (as swift-mustache does: per rendered tag, per template).
        var local: [UInt8] = []
        var piece: [UInt8] = []
        while i < end {
            piece.removeAll(keepingCapacity: true)
            i = render(at: i, stack: &stack, scope: scope, into: &piece)
            if !piece.isEmpty, Self.endsWithNewline(local) { local += indentation }
            local += piece
        }
        output += local
    }

    /// A line feed that is not the end of a CRLF (one character to Swift's String).
    private static func endsWithNewline(_ bytes: [UInt8]) -> Bool {
        bytes.last == 0x0A && !(bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D)
    }

    private func appendBytes(_ run: TemplateProgram.Bytes, to output: inout [UInt8]) {
        program.bytes.withUnsafeBufferPointer { bytes in
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(run.start)..<Int(run.end)]))
        }
    }

    /// `scope` inside a partial or block written after `indentation` (nil: not alone on its line).
    private static func indented(_ scope: Scope, by indentation: ArraySlice<UInt8>?) -> Scope {
        var inner = scope
        if let indentation { inner.indentation = (scope.indentation ?? []) + indentation }
        return inner
    }

    /// Renders the instruction at `i` with its body; returns the index of the next one.
    private func render(
        at i: Int, stack: inout [TemplateValue], scope: Scope, into output: inout [UInt8]
    ) -> Int {
        switch program.instructions[i] {
        case .text(let run):
            appendBytes(run, to: &output)
        case .variable(let name, let escaped):
            switch lookup(name, in: stack) {
            case .text(let text)?:
                escaped ? Self.appendEscaped(text, to: &output) : output.append(contentsOf: text.utf8)
            case .number(let number)?: output.append(contentsOf: String(number).utf8)
            case .flag(let flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
            // A list or object has no text of its own (a general engine prints a debug dump).
            case .list?, .object?, nil: break
            }
        case .section(let name, let end):
            let body = i + 1
            switch lookup(name, in: stack) {
            case nil: break
            case .list(let items)?:
                for k in items.indices {
                    stack.append(items[k])
                    render(body, Int(end), stack: &stack, scope: scope, into: &output)
                    stack.removeLast()
                }
            case .flag(let flag)?:
                if flag { render(body, Int(end), stack: &stack, scope: scope, into: &output) }
            case let value?:
                // Any other value, "" and 0 included, counts as true and becomes the context.
                stack.append(value)
                render(body, Int(end), stack: &stack, scope: scope, into: &output)
                stack.removeLast()
            }
            return Int(end)
        case .invertedSection(let name, let end):
            let body = i + 1
            switch lookup(name, in: stack) {
            case nil: render(body, Int(end), stack: &stack, scope: scope, into: &output)
            case .list(let items)? where items.isEmpty:
                stack.append(.list(items))
                render(body, Int(end), stack: &stack, scope: scope, into: &output)
                stack.removeLast()
            case .flag(false)?: render(body, Int(end), stack: &stack, scope: scope, into: &output)
            default: break
            }
            return Int(end)
        case .partial(let template, let indentation, let overrides):
            guard template >= 0 else { break }
            var inner = Self.indented(scope, by: indentation.map(program.run))
            if overrides >= 0 {
                let set = program.overrideSets[Int(overrides)]
                // The outermost child's override wins, as in Mustache's inheritance.
                inner.overrides =
                    scope.overrides.map { outer in outer + set.filter { o in !outer.contains { $0.block == o.block } } }
                    ?? set
            }
            let range = program.templates[Int(template)]
            render(range.lowerBound, range.upperBound, stack: &stack, scope: inner, into: &output)
        case .block(let block, let end, let indentation):
            let inner = Self.indented(scope, by: indentation.map(program.run))
            if let override = scope.overrides?.first(where: { $0.block == block }) {
                render(Int(override.start), Int(override.end), stack: &stack, scope: inner, into: &output)
            } else {
                render(i + 1, Int(end), stack: &stack, scope: inner, into: &output)
            }
            return Int(end)
        case .jump(let to):
            return Int(to)
        }
        return i + 1
    }

    private func lookup(_ nameIndex: Int32, in stack: [TemplateValue]) -> TemplateValue? {
        // The name is read in place and each context asked for its field in place: copying
        // either out retained its arrays, the most frequent work of rendering a page.
        let index = Int(nameIndex)
        switch program.names[index].kind {
        case .current:
            return stack.last
        case .anchored:
            return Self.descend(stack[stack.count - 1], program.names[index].parts[...])
        case .stack:
            guard let first = program.names[index].parts.first else { return stack.last }
            var i = stack.count - 1
            while i >= 0 {
                if let child = stack[i].field(first) {
                    let parts = program.names[index].parts
                    return parts.count == 1 ? child : Self.descend(child, parts.dropFirst())
                }
                i -= 1
            }
            return nil
        }
    }

    private static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let child = value.field(part) else { return nil }
            value = child
        }
        return value
    }

    /// HTML escaping of `<`, `>`, `&`, `"` and `'` on UTF-8 bytes (every one is ASCII, so a
    /// multi-byte character is copied whole).
    public static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                output.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = i + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
