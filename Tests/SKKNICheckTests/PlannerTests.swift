import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

@Suite struct PlannerTests {
    static let catalog = SeedCatalog.result.catalog
    static let decree = catalog.decrees[0]
    static func q(_ letter: String) -> Qualification { decree.qualifications.first { $0.letter == letter }! }
    static func codes(_ raws: String...) -> [UnitCode] { raws.map(UnitCode.init) }

    @Test func everyQualificationOfKepmen3Of2021GetsAValidPackageOrAClearReason() throws {
        for q in Self.decree.qualifications {
            let plan = Planner.plan(q, in: Self.decree, catalog: Self.catalog)
            if q.letter == "C" {
                #expect(!plan.isValid)
                #expect(
                    plan.problems == [
                        "N.78SPS02.023.1 (inti, baris 353) mensyaratkan N.78SPS02.084.2, yang tidak dikemas dalam kualifikasi C (KEPMEN 3/2021, jenjang 5 Instruktur); unit itu ada di kualifikasi D, G"
                    ])
                continue
            }
            #expect(plan.isValid, "\(q.letter): \(plan.problems)")
            #expect(plan.inti.count == q.units(.inti).count)
            #expect(plan.pilihan.count == q.packaging?.pilihan, "\(q.letter)")
            // Every prerequisite of a packaged unit is packaged (at the version the qualification has).
            let packaged = Set(plan.units.map(\.code.identity))
            for unit in plan.units {
                for p in unit.prerequisites {
                    #expect(packaged.contains(p.identity), "\(q.letter): \(unit.code) needs \(p)")
                }
            }
            // Its draft scheme passes `skkni check` without errors.
            let text = Planner.draftScheme(plan)
            let (document, importFindings) = try Importer.importDocument(
                DocumentText(path: "draf-\(q.letter).txt", text: text))
            guard case .scheme(let draft) = document else {
                Issue.record("draft of \(q.letter) is not a scheme")
                continue
            }
            #expect(draft.packagingType == .kkni)
            #expect(draft.units.map(\.code) == plan.units.map(\.code))
            let findings =
                importFindings
                + Checker.run(catalog: Self.catalog, drafts: [draft]).filter {
                    $0.location.file == "draf-\(q.letter).txt"
                }
            #expect(findings.filter { $0.severity == .error }.isEmpty, "\(q.letter): \(findings.map(\.message))")
        }
    }

    @Test func aChoiceMissingAPrerequisiteIsRefusedWithTheUnitToAdd() {
        let plan = Planner.plan(
            Self.q("B"), in: Self.decree, catalog: Self.catalog,
            choose: Self.codes(
                "N.78SPS02.070.1", "N.78SPS02.064.1", "N.78SPS02.065.1", "N.78SPS02.066.1", "N.78SPS02.067.1",
                "N.78SPS02.068.1", "N.78SPS02.069.1"))
        #expect(!plan.isValid)
        #expect(plan.problems.contains { $0.hasPrefix("N.78SPS02.064.1 mensyaratkan N.78SPS02.063.1") })
        #expect(plan.problems.allSatisfy { $0.contains("N.78SPS02.063.1") })
    }

    @Test func aChoiceOfUnitsOutsideThePilihanListOrTooFewIsRefused() {
        let a = Self.q("A")
        let wrong = Planner.plan(a, in: Self.decree, catalog: Self.catalog, choose: Self.codes("N.78SPS02.075.1"))
        #expect(!wrong.isValid)
        #expect(
            wrong.problems.contains {
                $0.contains("N.78SPS02.075.1 bukan unit pilihan") && $0.contains("N.78SPS02.075.2")
            })
        #expect(wrong.problems.contains { $0.contains("hanya 0 unit pilihan dipilih, aturan pengemasan meminta 4") })

        let good = Planner.plan(
            a, in: Self.decree, catalog: Self.catalog,
            choose: Self.codes("N.78SPS02.039.2", "N.78SPS02.041.2", "N.78SPS02.044.2", "N.78SPS02.078.2"))
        #expect(good.isValid)
        #expect(good.units.count == 9)
    }

    @Test func qualificationsAreFoundByIdLetterOrCodificationWithLevelAndGroup() {
        guard case .found(_, let byLetter) = Planner.find("K", level: nil, group: nil, in: Self.catalog) else {
            Issue.record("K not found")
            return
        }
        #expect(byLetter.letter == "K")
        // The issue's own example: the level 4 Asesor qualification.
        guard case .found(_, let byCode) = Planner.find("N78SPS01", level: 4, group: "Asesor", in: Self.catalog)
        else {
            Issue.record("N78SPS01 level 4 Asesor not found")
            return
        }
        #expect(byCode.letter == "I")
        if case .ambiguous(let all) = Planner.find("N78SPS02", level: nil, group: nil, in: Self.catalog) {
            #expect(all.count > 1)
        } else {
            Issue.record("a codification shared by several levels should be ambiguous")
        }
    }
}
