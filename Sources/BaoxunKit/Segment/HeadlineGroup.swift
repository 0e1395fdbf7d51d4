/// Decides which line of a headline group is the headline, and which the kicker (引题) above
/// or the subheadline (副题) below: the headline reads as news, kickers and subheads as slogans.
enum HeadlineGroup {
  static let newsVerbs = [
    "举行", "召开", "开幕", "闭幕", "启动", "签约", "开工", "竣工", "投产", "揭牌", "落幕", "举办", "成立",
    "发布", "开园", "调研", "检查", "督导", "考察", "出席", "会见", "通过", "达产", "开通", "表彰", "颁奖",
  ]
  static let sloganStarts = [
    "努力", "打造", "推动", "加快", "奋力", "全力", "聚力", "坚持", "持续", "深化", "助力", "争当", "争做",
    "勇当", "奋进", "谱写", "书写", "凝心", "跑出", "干出", "擦亮",
  ]

  static func score(_ line: String) -> Int {
    var s = 0
    if newsVerbs.contains(where: { line.hasSuffix($0) }) {
      s += 2
    } else if newsVerbs.contains(where: { line.contains($0) }) {
      s += 1
    }
    if sloganStarts.contains(where: { line.hasPrefix($0) }) { s -= 1 }
    let halves = line.split(separator: " ")
    if halves.count == 2, halves.allSatisfy({ $0.count >= 4 }), abs(halves[0].count - halves[1].count) <= 2 {
      s -= 2
    }
    return s
  }

  /// Splits up to three lines into kicker, headline and subheadline.
  static func assign(_ lines: [TextSpan]) -> (kicker: TextSpan?, headline: TextSpan?, sub: TextSpan?) {
    let lines = Array(lines.suffix(3))
    switch lines.count {
    case 0: return (nil, nil, nil)
    case 1: return (nil, lines[0], nil)
    case 2:
      if score(lines[1].text) > score(lines[0].text) { return (lines[0], lines[1], nil) }
      return (nil, lines[0], lines[1])
    default: return (lines[0], lines[1], lines[2])
    }
  }
}
