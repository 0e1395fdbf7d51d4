import Foundation

extension Aggregator {
  func addProjects(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    var items: [(String, Range<Int>)] = []
    if let list = m.groups["names"] {
      // Two-character pieces (隔膜、铜箔) are products or trades, not projects: they are dropped.
      for item in ListSplitter.split(list.text, minItem: 3) where !item.text.contains("、") {
        let start = list.range.lowerBound + item.offset
        items.append((item.text, start..<(start + item.text.unicodeScalars.count)))
      }
    } else if let one = m.groups["name"] {
      items.append((one.text, one.range))
    } else {
      items.append((m.text, m.range))
    }
    let count = m.field("count").flatMap(NumberParser.numeral).map { NSDecimalNumber(decimal: $0).intValue }
    let investment = m.field("investment").flatMap(NumberParser.parse)
    let suffix = m.field("suffix") ?? ""
    for (raw, range) in items {
      var name = raw.trimmingCharacters(in: [" ", "，", "、"]) + suffix
      // A group named by its kind alone (签约项目18个) reads as 18个签约项目.
      if let count, !name.contains("\(count)个"), !name.hasPrefix("这") { name = "\(count)个" + name }
      guard name.unicodeScalars.count >= 3 else { continue }
      let key = name.filter { !"“”\"（）() ".contains($0) }
      // One group of projects is often named twice (集中开工项目28个 … 这28个项目总投资…).
      if let count, let i = c.projects.firstIndex(where: { $0.count == count }) {
        if c.projects[i].name.hasPrefix("这") || name.count > c.projects[i].name.count, !name.hasPrefix("这") {
          c.projects[i].name = name
          c.projects[i].provenance = c.provenance(m.range, s, rule: m.ruleID)
        }
        if c.projects[i].investment == nil, let inv = investment?.value {
          c.projects[i].investment = inv
          c.projects[i].qualifier = investment?.qualifier ?? ""
        }
        continue
      }
      if let i = c.projectIndex[key] {
        if c.projects[i].investment == nil, let inv = investment?.value {
          c.projects[i].investment = inv
          c.projects[i].qualifier = investment?.qualifier ?? ""
        }
        if c.projects[i].count == nil { c.projects[i].count = count }
        continue
      }
      c.projectIndex[key] = c.projects.count
      c.projects.append(Project(
        provenance: c.provenance(items.count == 1 ? m.range : range, s, rule: m.ruleID), name: name,
        count: count, investment: items.count == 1 ? investment?.value : nil,
        qualifier: items.count == 1 ? (investment?.qualifier ?? m.field("qualifier") ?? "") : "",
        status: m.field("status") ?? ""))
    }
  }
}
