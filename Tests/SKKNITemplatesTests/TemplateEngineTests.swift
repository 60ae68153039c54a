import Foundation
import Mustache
import SKKNICore
import Testing

@testable import SKKNITemplates

/// The template engine against swift-mustache, the engine it replaced: the same templates and
/// values must give the same bytes; what it does not support is refused with its line.
@Suite struct TemplateEngineTests {
    /// The value as swift-mustache takes it.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let list): list.map(plain)
        case .object(let fields): Dictionary(uniqueKeysWithValues: fields.map { ($0.key, plain($0.value)) })
        }
    }

    /// Random templates from every construct the engine takes (sections, inverted sections,
    /// comments, partials alone on their line with indentation, parents with blocks, triple
    /// and `&` variables, dotted names, CRLF and tabs) on values of every kind.
    @Test func generatedTemplatesRenderAsSwiftMustacheRendersThem() throws {
        let context: TemplateValue = [
            "a": "<b>A&amp;'\"</b>", "n": 0, "t": true, "f": false, "e": "",
            "list": [["a": "satu", "n": 1], ["a": "dua", "n": 2, "t": false]],
            "none": [], "words": ["x<y", "ü", "z"],
            "obj": ["a": "dalam", "n": 7, "inner": ["a": "terdalam"]],
        ]
        let variables = ["a", "n", "t", "f", "e", "obj.a", "obj.n", "obj.inner.a", ".a", " a ", "missing"]
        let sections = ["t", "f", "e", "n", "list", "none", "obj", "obj.inner", "missing", "a"]
        var random = SeededRandom(seed: 2026_11_23)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

        func template(depth: Int, blocks: Bool, partials: Bool = true) -> String {
            var text = ""
            for _ in 0..<Int(random.next() % 7) {
                switch random.next() % 14 {
                case 0: text += pick(["teks", " ", "\t", "x y", "<&>\"'", "é", "}"])
                case 1, 2: text += pick(["\n", "\r\n", "\n  ", "\n\t"])
                case 3: text += "{{\(pick(variables))}}"
                case 4: text += pick(["{{{a}}}", "{{&a}}", "{{{ obj.a }}}"])
                case 5,
                    6 where depth < 3:
                    let name = pick(sections)
                    let open = random.next() % 3 == 0 ? "^" : "#"
                    let lineBreak = pick(["", "\n", "  \n"])
                    text += "{{\(open)\(name)}}\(lineBreak)"
                    text += template(depth: depth + 1, blocks: blocks, partials: partials)
                    text += "\(pick(["", "\n", "\n  "])){{/\(name)}}\(pick(["", "\n"]))"
                case 7: text += pick(["{{! komentar }}", "  {{!x}}\n", "{{!\nbaris\n}}"])
                case 8 where partials: text += pick(["{{> p}}", "\n{{> p}}\n", "\n  {{> p}}\n", "\t{{>p}}\r\n"])
                case 9: text += "{{#words}}{{.}},{{/words}}"
                case 10 where blocks: text += pick(["{{$b}}bawaan {{a}}{{/b}}", "\n  {{$b}}\n  x\n  {{/b}}\n"])
                case 11 where depth == 0 && blocks:
                    text += "\(pick(["", "\n", "  "])){{<parent}}\(pick(["", "\n"]))"
                    text += "{{$b}}\(pick(["", "\n  "]))ganti {{n}}\(pick(["", "\n"])){{/b}}\(pick(["", "\n"]))"
                    text += "{{/parent}}\(pick(["", "\n"]))"
                default: text += pick(["-", "\n", "{{a}}"])
                }
            }
            return text
        }

        var compared = 0
        for _ in 0..<400 {
            let partial = template(depth: 1, blocks: false, partials: false)
            let parent = "<p>\n  {{$b}}bawaan{{/b}}\n" + template(depth: 1, blocks: false) + "\n</p>"
            let main = template(depth: 0, blocks: true)
            var ours = TemplateLibrary()
            var reference = MustacheLibrary()
            for (name, text) in [("p", partial), ("parent", parent), ("main", main)] {
                try ours.register(text, named: name)
                try reference.register(text, named: name)
            }
            guard case .object(let fields) = context else { return }
            let html = String(decoding: try #require(ours.render(fields, withTemplate: "main")), as: UTF8.self)
            let expected = reference.render(Self.plain(context), withTemplate: "main")
            #expect(html == expected, "template: \(main.debugDescription) partial: \(partial.debugDescription)")
            if html != expected { break }
            compared += 1
        }
        #expect(compared == 400)
    }

    @Test func escapingCoversEverySpecialByteEvenBeforeACombiningMark() throws {
        var library = TemplateLibrary()
        try library.register("{{a}}|{{{a}}}", named: "t")
        let html = library.render(["a": "<\u{338}script>&\"'ü"], withTemplate: "t").map {
            String(decoding: $0, as: UTF8.self)
        }
        // swift-mustache compares whole characters and leaves a `<` joined to a combining mark.
        #expect(html == "&lt;\u{338}script&gt;&amp;&quot;&#39;ü|<\u{338}script>&\"'ü")
    }

    @Test func unsupportedOrBrokenTemplatesAreRefusedWithTheirLine() throws {
        let cases: [(String, Int, String)] = [
            ("a\nb\n{{=<% %>=}}", 3, "pembatas"),
            ("{{#a}}\n\n{{/b}}", 3, "menutup {{#a}}"),
            ("x\n{{#a}}\ny", 3, "{{#a}} tidak ditutup"),
            ("{{ f(a) }}", 1, "transformasi"),
            ("\n{{> *dyn}}", 2, "dinamis"),
            ("{{%CONTENT_TYPE:TEXT}}", 1, "pragma"),
            ("{{a", 1, "berakhir"),
            ("{{! tanpa akhir", 1, "berakhir"),
            ("{{<layout}}{{a}}{{/layout}}", 1, "hanya boleh blok"),
        ]
        for (text, line, words) in cases {
            var library = TemplateLibrary()
            let error = #expect(throws: TemplateSyntaxError.self, "\(text.debugDescription)") {
                try library.register(text, named: "t")
            }
            #expect(error?.line == line, "\(text.debugDescription): \(error?.message ?? "")")
            #expect(error?.message.contains(words) == true, "\(text.debugDescription): \(error?.message ?? "")")
        }
    }

    @Test func aMissingPartialOrBadTemplateNamesItsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<ul>{{#x}}{{> baris}}{{/x}}</ul>".write(
            to: dir.appendingPathComponent("daftar.mustache"), atomically: true, encoding: .utf8)
        let missing = #expect(throws: SiteError.self) { try TemplateLibrary(directory: dir) }
        #expect(missing?.description == "\(dir.path)/daftar.mustache: partial 'baris' tidak ada di \(dir.path)")
        try "ok\n{{#a}}".write(to: dir.appendingPathComponent("baris.mustache"), atomically: true, encoding: .utf8)
        let broken = #expect(throws: SiteError.self) { try TemplateLibrary(directory: dir) }
        #expect(broken?.description == "\(dir.path)/baris.mustache:2: templat tidak sah: {{#a}} tidak ditutup")
    }
}
