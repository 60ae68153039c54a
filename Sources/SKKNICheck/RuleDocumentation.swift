import SKKNICore

/// Rule documentation generated from the rules' own declarations.
public enum RuleDocumentation {
    public static func markdown() -> String {
        var out = "# Aturan pemeriksa skkni\n\n"
        out += "| kode | nama | tingkat | ringkasan |\n| --- | --- | --- | --- |\n"
        for r in RuleRegistry.allRules {
            out += "| \(r.identifier) | `\(r.name)` | \(r.severity.rawValue) | \(r.summary) |\n"
        }
        for rule in RuleRegistry.rules {
            let d = rule.description
            out +=
                "\n## \(d.identifier) `\(d.name)`\n\nTingkat bawaan: \(d.severity.rawValue)\n\nBergantung pada: \(rule.scope.label)\n\n\(d.summary)\n\n\(d.rationale)\n"
            for (title, examples) in [
                ("Contoh yang memicu", d.triggeringExamples), ("Contoh yang tidak memicu", d.nonTriggeringExamples),
            ] {
                out += "\n### \(title)\n"
                for example in examples {
                    for document in example.documents {
                        out += "\n```\n\(exampleBody(document))\n```\n"
                    }
                }
            }
        }
        return out
    }

    /// An example document without the standard decree header, for reading.
    public static func exampleBody(_ document: ExampleDocument) -> String {
        guard document.kind == .decree, let start = document.text.range(of: "LAMPIRAN\n\n") else {
            return document.text
        }
        return String(document.text[start.upperBound...])
    }
}

extension RuleScope {
    /// What the scope means, for the rule documentation (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .decrees: "keputusan saja"
        case .eachScheme: "keputusan dan skema yang diperiksa (tiap skema sendiri)"
        case .eachUnitCode: "keputusan dan semua skema yang memuat kode unit yang sama"
        }
    }
}
