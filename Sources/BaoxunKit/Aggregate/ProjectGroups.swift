extension Aggregator {
  /// Folds counted groups that a later `这N个项目` sums up into one group. Papers name the parts
  /// before the whole (12个项目入选“三新”试点，7个项目入选国际化试点。这19个项目总投资…), and the
  /// whole, not its parts, is the record the analyst wants: 19个“三新”及国际化试点项目.
  /// Returns whether it folded: the parts must be the last groups recorded, come from one sentence
  /// of `article` and add up to exactly `total`, and no earlier group of the article may have
  /// that size (the total would name it). A group already recorded under the same name takes
  /// the parts in.
  @discardableResult
  func foldGroups(totalling total: Int, article: Int, _ c: inout Context) -> Bool {
    var first = c.projects.endIndex
    var sum = 0
    while first > c.projects.startIndex, sum < total {
      let p = c.projects[first - 1]
      guard let n = p.count, p.provenance.article == article,
        p.provenance.sentence == c.projects[c.projects.endIndex - 1].provenance.sentence
      else { break }
      sum += n
      first -= 1
    }
    let parts = c.projects[first...]
    guard parts.count >= 2, sum == total else { return false }
    // 这12个项目 after 12个…，7个…，5个… names the first group, not the last two.
    let earlier = c.projects[..<first]
    guard !earlier.contains(where: { $0.count == total && $0.provenance.article == article }) else {
      return false
    }
    let kinds = parts.map { p in Self.kind(of: p) }
    let name = "\(total)个" + Self.coordinated(kinds)
    var provenance = parts.first!.provenance
    provenance.end = parts.map(\.provenance.end).max()!
    provenance.start = parts.map(\.provenance.start).min()!
    let group = Project(
      provenance: provenance, name: name, count: total, investment: nil, qualifier: "",
      status: parts.first!.status)
    c.projectIndex = c.projectIndex.filter { $0.value < first }
    c.projects.removeSubrange(first...)
    c.projectForms.removeSubrange(first...)
    // The same group told again (a long issue reprints a story) keeps its first record.
    let key = TextKeys.key(name)
    if c.projects.contains(where: { $0.count == total && TextKeys.key($0.name) == key }) { return true }
    c.projectIndex[ByteKey(key)] = c.projects.count
    c.projectForms.append(AbbreviationForm(name))
    c.projects.append(group)
    return true
  }

  /// A group's name without its count: 12个“三新”试点项目 → “三新”试点项目.
  static func kind(of group: Project) -> [Unicode.Scalar] {
    let scalars = Array(group.name.unicodeScalars)
    guard let count = group.count else { return scalars }
    let prefix = Array("\(count)个".unicodeScalars)
    return scalars.starts(with: prefix) ? Array(scalars.dropFirst(prefix.count)) : scalars
  }

  /// Kinds joined the way Chinese coordinates them, sharing their common ending once:
  /// “三新”试点项目 + 国际化试点项目 → “三新”及国际化试点项目; 省重点项目 + 市重点项目 →
  /// 省及市重点项目. A part keeps two characters unless it is a level of government, so
  /// 工业项目 + 现代服务业项目 give 工业及现代服务业项目, not 工及现代服务业项目.
  static func coordinated(_ kinds: [[Unicode.Scalar]]) -> String {
    let shortest = kinds.map(\.count).min() ?? 0
    var shared = 0
    while shared < shortest, Set(kinds.map { $0[$0.count - shared - 1] }).count == 1 { shared += 1 }
    func standsAlone(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
      head.count >= 2 || (head.count == 1 && governmentLevels.contains(head.first!))
    }
    // Nor may the shared ending split a quote: “新”试点 + “旧”试点 share 试点, not ”试点.
    func balanced(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
      head.filter(openingMarks.contains).count == head.filter(closingMarks.contains).count
    }
    while shared > 0, !kinds.allSatisfy({ standsAlone($0.dropLast(shared)) && balanced($0.dropLast(shared)) }) {
      shared -= 1
    }
    var heads: [String] = []
    for kind in kinds {
      let head = String(String.UnicodeScalarView(kind.dropLast(shared)))
      if !heads.contains(head) { heads.append(head) }
    }
    let joined = heads.count == 1
      ? heads[0] : heads.dropLast().joined(separator: "、") + "及" + heads.last!
    return joined + String(String.UnicodeScalarView(kinds[0].suffix(shared)))
  }

  static let openingMarks: Set<Unicode.Scalar> = ["“", "‘", "「", "『", "《", "（", "("]
  static let closingMarks: Set<Unicode.Scalar> = ["”", "’", "」", "』", "》", "）", ")"]

  /// Levels of government that stand for a whole name when coordinated (省、市重点项目).
  static let governmentLevels: Set<Unicode.Scalar> = ["国", "省", "市", "县", "区", "镇", "乡", "村"]
}
