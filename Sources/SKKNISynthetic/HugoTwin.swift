import Foundation
import SKKNICore
import SKKNIImport
import SKKNIPublish

/// The same entities as Hugo content (one page per unit identity, qualification, scheme and
/// SKKNI decree; unit pages with their definitions' elements, criteria, limits and assessment
/// guidance) with templates that show the same fields as ours, so the benchmark compares like with like.
public enum HugoTwin {
    public static func write(sources: URL, into site: URL) throws {
        let catalog = try Importer.importDirectory(sources, displayPrefix: "catalog/sources").catalog
        let fm = FileManager.default
        try? fm.removeItem(at: site)
        var files: [(String, Data)] = []
        files.append(("hugo.toml", Data(config.utf8)))
        for (name, text) in layouts + registryLayouts { files.append(("layouts/\(name)", Data(text.utf8))) }
        files += sourceFiles(catalog, sources: sources)

        var uses: [String: [[String: String]]] = [:]
        var titles: [String: [String: String]] = [:]
        // Each version's definitions in SKKNI decrees, as our unit pages show them.
        var definitions: [String: [[String: Any]]] = [:]
        // SKKNI decrees first, as in our unit index: the documents that define units give their titles first.
        for standard in catalog.standards {
            let link = "/skkni/\(slug(standard.id))/"
            let defined = Set(standard.definitions.map(\.code.raw))
            for row in standard.listedUnits where titles[row.code.identity]?[row.code.raw] == nil {
                titles[row.code.identity, default: [:]][row.code.raw] = row.title
            }
            for d in standard.definitions {
                if titles[d.code.identity]?[d.code.raw] == nil {
                    titles[d.code.identity, default: [:]][d.code.raw] = d.title
                }
                func items(_ list: [UnitDefinition.Item]) -> [[String: Any]] {
                    list.map { ["number": $0.number, "text": $0.text, "depth": min($0.depth, 4)] }
                }
                definitions[d.code.raw, default: []].append([
                    "decree": standard.label, "link": link, "file": standard.source, "line": d.line,
                    "title": d.title, "description": d.description ?? "",
                    "elements": d.elements.map { e -> [String: Any] in
                        [
                            "number": e.number, "title": e.title, "line": e.line,
                            "criteria": e.criteria.map { ["number": $0.number, "text": $0.text] },
                        ]
                    },
                    "prerequisites": d.prerequisites.map {
                        ["code": $0.code.raw, "link": "/unit/\(slug($0.code.identity))/", "title": $0.title ?? ""]
                    },
                    "limits": items(d.limits), "assessment": items(d.assessment),
                ])
            }
            files.append(
                page(
                    "skkni/\(slug(standard.id)).md",
                    [
                        "title": standard.label, "decreetitle": standard.title ?? "", "field": standard.field ?? "",
                        "source": standard.source, "line": standard.line,
                        "definitioncount": standard.definitions.count,
                        "units": standard.listedUnits.map { u -> [String: Any] in
                            [
                                "number": u.number.map(String.init) ?? "", "code": u.code.raw,
                                "link": "/unit/\(slug(u.code.identity))/", "title": u.title, "line": u.line,
                                "defined": defined.contains(u.code.raw),
                            ]
                        },
                    ]))
        }
        if !catalog.standards.isEmpty {
            files.append(page("skkni/_index.md", ["title": "Keputusan SKKNI"]))
        }
        for (decree, q) in catalog.qualifications {
            let rows = q.units.map { u -> [String: String] in
                uses[u.code.identity, default: []].append([
                    "where": "Kualifikasi \(q.letter) \(decree.label)", "link": "/kualifikasi/\(slug(q.id))/",
                    "role": u.role.rawValue, "version": u.code.raw,
                ])
                if titles[u.code.identity]?[u.code.raw] == nil {
                    titles[u.code.identity, default: [:]][u.code.raw] = u.cleanTitle
                }
                return [
                    "code": u.code.raw, "title": u.cleanTitle, "role": u.role.rawValue,
                    "link": "/unit/\(slug(u.code.identity))/",
                    "prerequisites": u.prerequisites.map(\.raw).joined(separator: " "), "line": String(u.line),
                ]
            }
            files.append(
                page(
                    "kualifikasi/\(slug(q.id)).md",
                    [
                        "title": "Kualifikasi \(q.letter): jenjang \(q.level) \(q.group)", "decree": decree.label,
                        "codification": q.codification ?? "", "description": q.description ?? "",
                        "role": q.role ?? "", "jobs": q.jobTitles, "rows": rows, "source": decree.source,
                    ]))
        }
        for s in catalog.schemes {
            let rows = s.units.map { u -> [String: String] in
                uses[u.code.identity, default: []].append([
                    "where": "Skema \(s.name ?? s.title)", "link": "/skema/\(slug(s.id))/", "role": "skema",
                    "version": u.code.raw,
                ])
                return [
                    "code": u.code.raw, "title": u.cleanTitle, "link": "/unit/\(slug(u.code.identity))/",
                    "line": String(u.line),
                ]
            }
            files.append(
                page(
                    "skema/\(slug(s.id)).md",
                    [
                        "title": s.name ?? s.title, "packaging": s.packagingType.rawValue, "owner": s.owner ?? "",
                        "rows": rows, "source": s.source,
                    ]))
        }
        // A page for every identity a qualification, a scheme or an SKKNI decree lists or defines.
        for identity in Set(uses.keys).union(titles.keys).sorted() {
            let versions = titles[identity, default: [:]].sorted { $0.key < $1.key }.map { version -> [String: Any] in
                ["code": version.key, "title": version.value, "definitions": definitions[version.key] ?? []]
            }
            files.append(
                page(
                    "unit/\(slug(identity)).md",
                    [
                        "title": "Unit \(identity)", "identity": identity, "versions": versions,
                        "uses": uses[identity] ?? [],
                    ]))
        }
        let all = files
        let written = ConcurrentMap.map(Array(all.indices)) { i -> String? in
            let url = site.appendingPathComponent(all[i].0)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try all[i].1.write(to: url)
                return nil
            } catch {
                return "\(url.path): \(error)"
            }
        }
        if let failure = written.compactMap({ $0 }).first { throw OutputError(failure) }
    }

    /// Front matter keys that change whether, where or with which layout Hugo renders a page.
    /// `type` chooses the layout: scheme pages keyed `type: KKNI` found none and were silently
    /// not rendered, so the benchmarks until session 7 compared us with a Hugo that skipped all
    /// 20,000 scheme pages at L.
    static let renderingKeys: Set<String> = [
        "aliases", "build", "cascade", "date", "draft", "expiryDate", "headless", "kind", "lang", "layout",
        "outputs", "publishDate", "resources", "sitemap", "slug", "type", "url",
    ]

    static func page(_ path: String, _ front: [String: Any]) -> (String, Data) {
        let json = (try? JSONSerialization.data(withJSONObject: front, options: [.sortedKeys])) ?? Data("{}".utf8)
        return ("content/\(path)", json + Data("\n".utf8))
    }

    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }).lowercased()
    }

    static let config = """
        baseURL = "/"
        languageCode = "id"
        title = "skkni (Hugo)"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
        [outputs]
        home = ["HTML"]
        section = ["HTML"]
        page = ["HTML"]

        """

    static let layouts: [(String, String)] = [
        (
            "_default/baseof.html",
            """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><header><a href="/">skkni</a> <form action="/cari/"><input name="q"></form></header>
            <main>{{ block "main" . }}{{ end }}</main></body></html>
            """
        ),
        // Each section's list is its index page: every page of the kind, as our index pages list them.
        (
            "_default/list.html",
            """
            {{ define "main" }}<h1>{{ .Title }} ({{ len .Pages }})</h1><input class="index-filter" type="search">
            <table class="index"><tbody>{{ range .Pages }}<tr data-key="{{ .Title }}"><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.decree }}{{ .Params.owner }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        ),
        ("index.html", "{{ define \"main\" }}<h1>Katalog</h1><p>{{ len .Site.RegularPages }} halaman</p>{{ end }}"),
        (
            "kualifikasi/single.html",
            """
            {{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.decree }}</p>
            <dl><dt>Kodifikasi</dt><dd>{{ .Params.codification }}</dd><dt>Sumber</dt><dd>{{ .Params.source }}</dd></dl>
            <h2>Deskripsi</h2><p>{{ .Params.description }}</p><h2>Peran kerja</h2><p>{{ .Params.role }}</p>
            <ul>{{ range .Params.jobs }}<li>{{ . }}</li>{{ end }}</ul>
            <table><thead><tr><th>Kode</th><th>Judul</th><th>Peran</th><th>Persyaratan</th><th>Baris</th></tr></thead><tbody>
            {{ range .Params.rows }}<tr><td><a href="{{ .link }}">{{ .code }}</a></td><td>{{ .title }}</td><td>{{ .role }}</td><td>{{ .prerequisites }}</td><td>{{ .line }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        ),
        (
            "skema/single.html",
            """
            {{ define "main" }}<h1>{{ .Title }}</h1><dl><dt>Jenis</dt><dd>{{ .Params.packaging }}</dd><dt>Pemilik</dt><dd>{{ .Params.owner }}</dd></dl>
            <table><thead><tr><th>Kode</th><th>Judul</th><th>Baris</th></tr></thead><tbody>
            {{ range .Params.rows }}<tr><td><a href="{{ .link }}">{{ .code }}</a></td><td>{{ .title }}</td><td>{{ .line }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        ),
        (
            "skkni/single.html",
            """
            {{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.decreetitle }}</p>
            <dl><dt>Jenis</dt><dd>Standar Kompetensi Kerja Nasional Indonesia (SKKNI)</dd><dt>Bidang</dt><dd>{{ .Params.field }}</dd><dt>Sumber</dt><dd><code>{{ .Params.source }}:{{ .Params.line }}</code></dd></dl>
            <h2>Daftar Unit Kompetensi</h2><p>{{ .Params.definitioncount }} unit diuraikan dalam lampiran.</p>
            <table><thead><tr><th>No</th><th>Kode</th><th>Judul</th><th>Baris</th></tr></thead><tbody>
            {{ range .Params.units }}<tr><td>{{ .number }}</td><td><a href="{{ .link }}">{{ .code }}</a></td><td>{{ .title }}{{ if not .defined }} <span class="badge">tanpa uraian dengan kode ini</span>{{ end }}</td><td>{{ .line }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        ),
        (
            "unit/single.html",
            """
            {{ define "main" }}<h1>{{ .Title }}</h1><h2>Versi</h2><ul>{{ range .Params.versions }}<li>{{ .code }}: {{ .title }}
            {{ range .definitions }}<section class="definition"><h3>Uraian unit</h3><p>Ditetapkan oleh <a href="{{ .link }}">{{ .decree }}</a> — <code>{{ .file }}:{{ .line }}</code></p>
            <p><strong>{{ .title }}</strong></p>{{ with .description }}<p>{{ . }}</p>{{ end }}
            <h4>Elemen kompetensi dan kriteria unjuk kerja</h4>
            <ol class="elements">{{ range .elements }}<li value="{{ .number }}">{{ .title }}<ol class="criteria">{{ range .criteria }}<li><span class="number">{{ .number }}</span> {{ .text }}</li>{{ end }}</ol></li>{{ end }}</ol>
            {{ with .prerequisites }}<h4>Persyaratan kompetensi</h4><ul>{{ range . }}<li><a href="{{ .link }}">{{ .code }}</a> {{ .title }}</li>{{ end }}</ul>{{ end }}
            {{ with .limits }}<details><summary>Batasan variabel</summary><ul class="items">{{ range . }}<li class="depth-{{ .depth }}"><span class="number">{{ .number }}</span> {{ .text }}</li>{{ end }}</ul></details>{{ end }}
            {{ with .assessment }}<details><summary>Panduan penilaian</summary><ul class="items">{{ range . }}<li class="depth-{{ .depth }}"><span class="number">{{ .number }}</span> {{ .text }}</li>{{ end }}</ul></details>{{ end }}
            </section>{{ end }}</li>{{ end }}</ul>
            <h2>Dipakai di</h2><table><thead><tr><th>Di mana</th><th>Peran</th><th>Versi</th></tr></thead><tbody>
            {{ range .Params.uses }}<tr><td><a href="{{ .link }}">{{ .where }}</a></td><td>{{ .role }}</td><td>{{ .version }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            """
        ),
    ]
}
