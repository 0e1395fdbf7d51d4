import Foundation

extension Scorer {
  /// Scores rows (as the CSVs hold them, keyed by table) against every gold file.
  public mutating func score(_ rows: [Table: [Row]], gold: [String: GoldFile]) {
    var byIssue: [Table: [String: [Row]]] = [:]
    for (table, list) in rows {
      for r in list { byIssue[table, default: [:]][Self.issueKey(r["issue"] ?? ""), default: []].append(r) }
    }
    for (issue, g) in gold.sorted(by: { $0.key < $1.key }) {
      func rowsOf(_ t: Table) -> [Row] { byIssue[t]?[issue] ?? [] }
      scoreOfficials(rowsOf(.officials), g, issue)
      scoreAmounts(rowsOf(.amounts), g, issue)
      let jobs = Self.match(rowsOf(.jobs), g.required["jobs"] ?? [], g.optional["jobs"] ?? []) { p, q in
        Self.sameValue(Self.number(p["value"]), q["value"]?.number)
      }
      note("jobs", issue, jobs, miss: { $0["text"]?.string ?? "\($0["value"]?.number ?? 0)" }, extra: { $0["text"] ?? "" })
      let preq = g.required["projects"] ?? []
      let popt = g.optional["projects"] ?? []
      let groups = (preq + popt).contains { $0["count"]?.number.map { $0 != 0 } ?? false }
      let projects = rowsOf(.projects).filter { groups || (Self.number($0["count"]) ?? 0) <= 1 }
      note("projects", issue, Self.match(projects, preq, popt) { Self.fuzzy($0["name"] ?? "", $1["name"]?.string ?? "") },
        miss: { $0["name"]?.string ?? "" }, extra: { $0["name"] ?? "" })
      note("events", issue, Self.match(rowsOf(.events), g.required["events"] ?? [], g.optional["events"] ?? []) {
        Self.fuzzy($0["name"] ?? "", $1["name"]?.string ?? "")
      }, miss: { $0["name"]?.string ?? "" }, extra: { $0["name"] ?? "" })
      let areq = g.required["articles"] ?? []
      if !areq.isEmpty {
        let shown = rowsOf(.articles).filter { !["teaser", "jump", "caption", "toc"].contains(($0["kind"] ?? "").lowercased()) }
        note("articles", issue, Self.match(shown, areq, g.optional["articles"] ?? []) {
          Self.norm($0["headline"]) == Self.norm($1["headline"]?.string)
        }, miss: { $0["headline"]?.string ?? "" }, extra: { $0["headline"] ?? "" })
      }
    }
  }

  static func sameValue(_ p: Double?, _ q: Double?, relative: Bool = true) -> Bool {
    guard let p, let q else { return false }
    return abs(p - q) < 1e-6 * max(1, abs(q))
  }

  struct Person {
    var name: String
    var titles: Set<String>
  }

  mutating func scoreOfficials(_ rows: [Row], _ g: GoldFile, _ issue: String) {
    var order: [String] = []
    var titles: [String: Set<String>] = [:]
    func titleSet(_ list: [String]) -> Set<String> {
      Set(list.flatMap { $0.split(separator: "、").map { Self.norm(String($0)) } }.filter { !$0.isEmpty })
    }
    for r in rows {
      let n = Self.norm(r["name"])
      if titles[n] == nil { order.append(n) }
      titles[n, default: []].formUnion(titleSet(Self.splitMulti(r["titles"] ?? r["title"])))
    }
    let preds = order.map { Person(name: $0, titles: titles[$0]!) }
    var gorder: [String] = []
    var gtitles: [String: Set<String>] = [:]
    for x in g.required["officials"] ?? [] {
      let n = Self.norm(x["name"]?.string)
      if gtitles[n] == nil { gorder.append(n) }
      let ts = x["titles"]?.strings ?? [x["title"]?.string ?? ""]
      gtitles[n, default: []].formUnion(titleSet(ts))
    }
    let greq = gorder.map { Person(name: $0, titles: gtitles[$0]!) }
    let gopt = Set((g.optional["officials"] ?? []).map { Self.norm($0["name"]?.string) }).subtracting(gorder).sorted()
      .map { Person(name: $0, titles: []) }
    note("officials", issue, Self.match(preds, greq, gopt) { $0.name == $1.name }, miss: \.name, extra: \.name)
    var t = Score()
    for q in greq {
      for p in preds where p.name == q.name {
        for title in q.titles.sorted() {
          if p.titles.contains(title) {
            t.tp += 1
          } else {
            t.fn += 1
            details["titles", default: []].append("\(issue): \(q.name) lacks title \(title) (has \(p.titles.sorted()))")
          }
        }
      }
    }
    add("titles", t)
  }

  mutating func scoreAmounts(_ rows: [Row], _ g: GoldFile, _ issue: String) {
    let m = Self.match(rows, g.required["amounts"] ?? [], g.optional["amounts"] ?? []) { p, q in
      Self.sameValue(Self.number(p["value"]), q["value"]?.number)
        && (p["unit"] ?? "").uppercased() == (q["unit"]?.string ?? "CNY").uppercased()
    }
    note("amounts", issue, m, miss: { $0["text"]?.string ?? "" }, extra: { $0["text"] ?? "" })
    func coarse(_ k: String) -> String { ["investment", "sales", "output"].contains(k) ? k : "other" }
    var kind = Score()
    var qual = Score()
    for (p, q) in m.pairs {
      if let want = q["kind"]?.string, !want.isEmpty {
        if coarse(p["kind"] ?? "") == coarse(want) {
          kind.tp += 1
        } else {
          kind.fn += 1
          details["amount_kind", default: []].append("\(issue): \(q["text"]?.string ?? "") kind \(p["kind"] ?? "-") want \(want)")
        }
      }
      if Self.norm(p["qualifier"]) == Self.norm(q["qualifier"]?.string) {
        qual.tp += 1
      } else {
        qual.fn += 1
        details["qualifier", default: []].append("\(issue): \(q["text"]?.string ?? "") qualifier \(p["qualifier"] ?? "-") want \(q["qualifier"]?.string ?? "-")")
      }
    }
    add("amount_kind", kind)
    add("qualifier", qual)
  }

  /// `kind  P=… R=… F1=… (tp=… fp=… fn=…)` lines, in the referee's format.
  public func report(details showDetails: Bool = true, limit: Int = 40) -> String {
    var out = ""
    if showDetails {
      for kind in Self.kinds {
        for line in (details[kind] ?? []).prefix(limit) { out += "  \(kind): \(line)\n" }
      }
    }
    for kind in Self.kinds {
      guard let s = scores[kind] else { continue }
      out += String(format: "%@ P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)\n",
        kind.padding(toLength: max(10, kind.count), withPad: " ", startingAt: 0), s.precision, s.recall, s.f1, s.tp, s.fp, s.fn)
    }
    return out
  }
}
