/// Overlapping mentions of one record type are resolved by priority, then length, then position.
public enum OverlapResolver {
  public static func resolve(_ mentions: [Mention], keepingLosses: Bool = true)
    -> (kept: [Mention], lost: [OverlapLoss])
  {
    let ordered = mentions.sorted { a, b in
      if a.priority != b.priority { return a.priority > b.priority }
      if a.range.count != b.range.count { return a.range.count > b.range.count }
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      return a.ruleID < b.ruleID
    }
    var kept: [Mention] = []
    var lost: [OverlapLoss] = []
    for m in ordered {
      if let winner = kept.first(where: { $0.record == m.record && $0.range.overlaps(m.range) }) {
        guard keepingLosses else { continue }
        let reason: OverlapLoss.Reason = winner.priority != m.priority ? .priority
          : winner.range.count != m.range.count ? .length : .position
        lost.append(OverlapLoss(loser: m, winner: winner, reason: reason))
      } else {
        kept.append(m)
      }
    }
    kept.sort { ($0.range.lowerBound, $0.record) < ($1.range.lowerBound, $1.record) }
    return (kept, lost)
  }
}
