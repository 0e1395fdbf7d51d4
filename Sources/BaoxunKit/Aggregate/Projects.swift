import Foundation

extension Aggregator {
  /// What a list item may carry at its ends from the list around it.
  static let itemEdges: [Unicode.Scalar] = [" ", "，", "、"]

  func addProjects(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    // Short pieces joined back together (隔膜、铜箔、结构件) are products or trades, not projects.
    let items = m.listedItems(minItem: 3).filter { !$0.text.unicodeScalars.contains("、") }
    let count = m.field("count").flatMap(NumberParser.numeral).map { NSDecimalNumber(decimal: $0).intValue }
    let investment = m.field("investment").flatMap(NumberParser.parse)
    let suffix = m.field("suffix") ?? ""
    for (raw, range) in items {
      var name = TextKeys.trimming(Self.itemEdges, raw) + suffix
      // A group named by its kind alone (签约项目18个) reads as 18个签约项目.
      if let count, !TextKeys.contains(name, "\(count)个"), !name.hasPrefix("这") { name = "\(count)个" + name }
      guard name.unicodeScalars.count >= 3 else { continue }
      let key = ByteKey(TextKeys.key(name))
      if let count, name.hasPrefix("这") {
        foldGroups(totalling: count, article: s.article, &c)
      }
      // One group of projects is often named twice (集中开工项目28个 … 这28个项目总投资…).
      // The article's own group first: another story's group of the same size is another group,
      // unless this article has none (a reprint, or a summary of the whole paper).
      if let count, let i = c.projects.lastIndex(where: { $0.count == count && $0.provenance.article == s.article })
        ?? c.projects.firstIndex(where: { $0.count == count })
      {
        if c.projects[i].name.hasPrefix("这") || name.count > c.projects[i].name.count, !name.hasPrefix("这") {
          c.projects[i].name = name
          c.projectForms[i] = AbbreviationForm(name)
          c.projects[i].provenance = c.provenance(m.range, s, rule: m.ruleID)
        }
        if c.projects[i].investment == nil, let inv = investment?.value {
          c.projects[i].investment = inv
          c.projects[i].qualifier = investment?.qualifier ?? ""
        }
        continue
      }
      // A shortened re-mention (楚宜纺织高档纱线项目 after 湖北楚宜纺织有限公司年产3万吨高档纱线项目)
      // is the same project; so is a fuller name after a short one in the same article (a headline's
      // 年产5万吨杂粮加工项目 before the lead's company and project), which then names it.
      func abbreviated() -> Int? {
        guard count == nil else { return nil }
        let form = AbbreviationForm(key.text)
        if form.core != nil,
          let i = c.projects.indices.first(where: { c.projects[$0].count == nil && form.abbreviates(c.projectForms[$0]) })
        {
          return i
        }
        let fuller = AbbreviationForm(name)
        guard
          let i = c.projects.indices.first(where: {
            c.projects[$0].count == nil && c.projects[$0].provenance.article == s.article
              && c.projectForms[$0].abbreviates(fuller)
          })
        else { return nil }
        c.projects[i].name = name
        c.projectForms[i] = fuller
        c.projects[i].provenance = c.provenance(items.count == 1 ? m.range : range, s, rule: m.ruleID)
        c.projectIndex[key] = i
        return i
      }
      if let i = c.projectIndex[key] ?? abbreviated() {
        if c.projects[i].investment == nil, let inv = investment?.value {
          c.projects[i].investment = inv
          c.projects[i].qualifier = investment?.qualifier ?? ""
        }
        if c.projects[i].count == nil { c.projects[i].count = count }
        continue
      }
      c.projectIndex[key] = c.projects.count
      c.projectForms.append(AbbreviationForm(name))
      c.projects.append(Project(
        provenance: c.provenance(items.count == 1 ? m.range : range, s, rule: m.ruleID), name: name,
        count: count, investment: items.count == 1 ? investment?.value : nil,
        qualifier: items.count == 1 ? (investment?.qualifier ?? m.field("qualifier") ?? "") : "",
        status: m.field("status") ?? ""))
    }
  }

  /// The endings a project name's core is taken without (see `AbbreviationForm`).
  static let projectEndings: [[Unicode.Scalar]] = [Array("项目".unicodeScalars), Array("工程".unicodeScalars)]
}
