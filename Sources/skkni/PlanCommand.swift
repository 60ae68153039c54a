import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Menyusun kemasan unit yang sah untuk satu kualifikasi, atau memeriksa pilihan unit panitia.",
        discussion: """
            KUALIFIKASI: id (kepmen-3-2021-C), huruf bagian (C), atau kodifikasi (N78SPS01) dengan --level \
            dan --group. Kode keluar: 0 kemasan sah, 1 tidak ada kemasan yang sah (alasannya dicetak), 2 \
            penggunaan salah.
            """)

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Argument(help: "Kualifikasi: id, huruf bagian, atau kodifikasi.") var qualification: String
    @Option(name: .long, help: "Jenjang (level) kualifikasi.") var level: Int?
    @Option(name: .long, help: "Kelompok, mis. Asesor.") var group: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Unit pilihan yang dipilih panitia (diperiksa).")
    var choose: [String] = []
    @Option(name: .long, help: "Tulis kemasan sebagai draf skema (teks) ke berkas ini.") var write: String?

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let loaded = try LoadedCatalog.load(paths)
        let c = loaded.result.catalog
        let decree: Decree
        let q: Qualification
        switch Planner.find(qualification, level: level, group: group, in: c) {
        case .found(let d, let found):
            (decree, q) = (d, found)
        case .none(let reason):
            printError("galat: \(reason)")
            throw ExitCode(ExitStatus.unreadable)
        case .ambiguous(let all):
            printError(
                "galat: '\(qualification)' cocok dengan \(all.count) kualifikasi; sebut id-nya atau --level/--group:")
            for (d, q) in all { printError("  \(q.id)  \(CheckContext.describe(q, in: d))") }
            throw ExitCode(ExitStatus.unreadable)
        }
        var codes: [UnitCode] = []
        for raw in choose {
            let code = UnitCode(raw)
            guard code.isValid else {
                printError("galat: --choose \(raw): bukan kode unit SKKNI yang sah")
                throw ExitCode(ExitStatus.unreadable)
            }
            codes.append(code)
        }
        let plan = Planner.plan(q, in: decree, catalog: c, choose: choose.isEmpty ? nil : codes)
        print(PlanReport.text(plan, checking: !choose.isEmpty))
        if let write, plan.isValid {
            do {
                try Data(Planner.draftScheme(plan).utf8).write(to: URL(fileURLWithPath: write), options: .atomic)
            } catch {
                printError("\(write): galat: draf tidak dapat ditulis: \(FileErrorText.describe(error))")
                throw ExitCode(ExitStatus.unreadable)
            }
            print("draf skema ditulis ke \(write); periksa dengan: skkni check \(write)")
        }
        if !plan.isValid { throw ExitCode(ExitStatus.findings) }
    }
}

enum PlanReport {
    static func text(_ plan: PackagePlan, checking: Bool) -> String {
        let q = plan.qualification
        var out = ["Kualifikasi \(q.letter): jenjang \(q.level) \(q.group) (\(plan.decree.label)), id \(q.id)"]
        if let p = q.packaging {
            out.append(
                "Aturan pengemasan (baris \(p.line)): \(p.total.map(String.init) ?? "?") unit = \(p.inti.map(String.init) ?? "?") inti + \(p.pilihan.map(String.init) ?? "?") pilihan"
            )
        } else {
            out.append("Aturan pengemasan tidak ditemukan; semua unit inti dipakai, tanpa pilihan")
        }
        if !plan.isValid {
            out.append("")
            out.append(checking ? "PILIHAN INI TIDAK SAH:" : "TIDAK ADA KEMASAN YANG SAH:")
            out += plan.problems.map { "  - \($0)" }
        }
        out.append("")
        out.append("Unit inti (\(plan.inti.count)):")
        for (i, u) in plan.inti.enumerated() { out.append(row(i + 1, u, nil)) }
        out.append("Unit pilihan (\(plan.pilihan.count) dari \(plan.pilihanRequired) yang diminta):")
        for (i, p) in plan.pilihan.enumerated() { out.append(row(i + 1, p.unit, p.forcedBy)) }
        if !plan.notes.isEmpty {
            out.append("Catatan:")
            out += plan.notes.map { "  - \($0)" }
        }
        out.append("")
        out.append(
            plan.isValid
                ? "Kemasan sah: \(plan.units.count) unit."
                : "Tidak sah: \(plan.problems.count) masalah harus diselesaikan dahulu.")
        return out.joined(separator: "\n")
    }

    static func row(_ n: Int, _ u: QualificationUnit, _ forcedBy: UnitCode?) -> String {
        let forced = forcedBy.map { "  [persyaratan \($0)]" } ?? ""
        return String(format: "%4d. ", n) + "\(u.code.raw)  \(u.cleanTitle)  (baris \(u.line))\(forced)"
    }
}
