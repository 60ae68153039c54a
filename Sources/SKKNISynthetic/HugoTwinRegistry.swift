import Foundation
import SKKNICore
import SKKNIImport

/// The twin of our registry pages (issue 20): a page per source document with numbered,
/// anchored lines (a PDF copied as a static file beside it), and section lists that show
/// every page of a kind in a table, as our index pages do.
extension HugoTwin {
    /// `content/sumber/<file>.md` for every document the catalogue was imported from; a PDF
    /// also as `static/sumber/<file>`.
    static func sourceFiles(_ catalog: Catalog, sources: URL) -> [(String, Data)] {
        var names = Set(catalog.schemes.map(\.source))
        for d in catalog.decrees { names.insert(d.source) }
        for s in catalog.standards { names.insert(s.source) }
        let files = names.sorted()
        return ConcurrentMap.map(files) { file -> [(String, Data)] in
            let name = String(file.split(separator: "/").last ?? Substring(file))
            guard let data = FileManager.default.contents(atPath: sources.appendingPathComponent(name).path) else {
                return []
            }
            let text =
                (try? Importer.readText(data, path: file))
                ?? DocumentText(path: file, text: String(decoding: data, as: UTF8.self))
            var out = [page("sumber/\(slug(name)).md", ["title": name, "file": file, "lines": text.lines])]
            if name.lowercased().hasSuffix(".pdf") { out.append(("static/sumber/\(name)", data)) }
            return out
        }.flatMap { $0 }
    }

    static let registryLayouts: [(String, String)] = [
        (
            "sumber/single.html",
            """
            {{ define "main" }}<h1>Sumber <code>{{ .Params.file }}</code></h1><p>{{ len .Params.lines }} baris.</p>
            <table class="source"><tbody>{{ range $i, $line := .Params.lines }}{{ $n := add $i 1 }}<tr id="L{{ $n }}"><th><a href="#L{{ $n }}">{{ $n }}</a></th><td><pre>{{ $line }}</pre></td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        )
    ]
}
