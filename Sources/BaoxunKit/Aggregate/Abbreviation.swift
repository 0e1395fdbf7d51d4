/// A name prepared for the shortened-re-mention test (`Aggregator.abbreviates`): its scalars and
/// its core, worked out once. An issue's events and projects are each compared with every
/// earlier one, so preparing the names per comparison made a whole day's paper (200 KB)
/// spend a third of its time there.
struct AbbreviationForm {
  /// Fewer core characters than this never abbreviate anything.
  static let minCore = 5
  let scalars: [Unicode.Scalar]
  /// The name without key noise, without a 项目/工程 ending and without a leading 全市 or 我县,
  /// which a headline writes for the place the lead names (全市…集中签约, 益阳市2025年…集中签约仪式);
  /// nil when shorter than `minCore`.
  let core: [Unicode.Scalar]?
  /// The level of the place word taken off the core (市 for 全市, 县 for 我县): the longer name must
  /// name a place of that level before the core, so 全市…推进会 never abbreviates a county's.
  let level: Unicode.Scalar?
  static let placeWords: [[Unicode.Scalar]] = ["全市", "全县", "全区", "全州", "全旗", "全镇", "我市", "我县", "我区", "我州"]
    .map { Array($0.unicodeScalars) }

  init(_ name: String) {
    scalars = Array(name.unicodeScalars)
    var core: [Unicode.Scalar] = []
    for s in scalars where !TextKeys.keyNoise.contains(s) { core.append(s) }
    for end in Aggregator.projectEndings where core[...].hasScalarSuffix(end) { core.removeLast(end.count) }
    if let place = Self.placeWords.first(where: { core.starts(with: $0) }) {
      core.removeFirst(place.count)
      level = place.last
    } else {
      level = nil
    }
    self.core = core.count >= Self.minCore ? core : nil
  }

  /// True when this (shorter) name's core appears, in order, within the longer `name`.
  func abbreviates(_ name: AbbreviationForm) -> Bool {
    guard let core, name.scalars.count > scalars.count else { return false }
    var next = 0
    var sawLevel = level == nil
    for s in name.scalars {
      if next == 0, s == level { sawLevel = true }
      guard s == core[next] else { continue }
      next += 1
      if next == core.count { return sawLevel }
    }
    return false
  }
}
