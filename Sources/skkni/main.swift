import Foundation
import SKKNICore
import SKKNIImport

let r = try Importer.importDirectory(URL(fileURLWithPath: "catalog/sources"), displayPrefix: "catalog/sources")
for d in r.diagnostics { print(d.location, d.rule, d.message) }
for f in r.failures { print(f) }
let s = try CatalogStore.write(r.catalog, to: URL(fileURLWithPath: "catalog"))
print(s)
for d in r.catalog.decrees { for q in d.qualifications {
  print(q.letter, q.codification ?? "-", q.level, q.group, q.packaging.map { "\($0.total ?? -1)=\($0.inti ?? -1)+\($0.pilihan ?? -1)" } ?? "-", q.units(.inti).count, q.units(.pilihan).count, q.jobTitles)
}}
for s in r.catalog.schemes { print(s.id, s.title, "|", s.name ?? "-", s.packagingType, s.level ?? 0, s.owner ?? "-", s.documentNumber ?? "-", s.approvedDate ?? "-", s.units.count, s.citations.map(\.label)) }
