import Foundation
import SKKNIImport
import Testing

@testable import SKKNICore
@testable import SKKNISite

/// The Ministry of Trade's draft regulation on the site: its page and its qualifications' pages
/// say it is a draft (`Konsep`), the seed decree's do not.
@Suite struct RealDecreeSiteTests {
    @Test func theDraftAndItsQualificationsSayKonsep() throws {
        let path = "Tests/Fixtures/real/kkni/kkni-konsep-permendag-2025-perdagangan-eceran-online.txt"
        let (document, _, _) = try Importer.importFile(
            at: SiteFixture.root.appendingPathComponent(path), displayPath: path)
        guard case .decree(let draft) = document else {
            Issue.record("not read as a decree")
            return
        }
        let seeds = try SiteFixture.seeds()
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(Catalog(decrees: seeds.decrees + [draft], schemes: seeds.schemes), into: dir)
        let page = try String(contentsOf: dir.appendingPathComponent(SitePaths.decree(draft.id)), encoding: .utf8)
        #expect(page.contains("<h1>Konsep Permendag …/2025</h1>"))
        #expect(page.contains("class=\"draft\"><strong>Konsep</strong>"))
        let qualification = try String(
            contentsOf: dir.appendingPathComponent(SitePaths.qualification(draft.id + "-III-D")), encoding: .utf8)
        #expect(qualification.contains("Konsep Permendag …/2025"))
        #expect(qualification.contains("class=\"draft\"><strong>Konsep</strong>"))
        #expect(qualification.contains("G.47PEI00.031.1"))
        let enacted = try String(
            contentsOf: dir.appendingPathComponent(SitePaths.decree("kepmen-3-2021")), encoding: .utf8)
        #expect(!enacted.contains("class=\"draft\""))
    }
}
