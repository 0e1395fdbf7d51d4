/// Decides which line of a headline group is the headline, and which the kicker (引题) above
/// or the subheadline (副题) below: the headline reads as the news, kickers and subheads as
/// slogans, labels, lead-ins to reported speech, or series notes (`——一论…`).
enum HeadlineGroup {
  static let newsVerbs = [
    "举行", "召开", "开幕", "闭幕", "启动", "签约", "开工", "竣工", "投产", "揭牌", "落幕", "举办", "成立",
    "发布", "开园", "调研", "检查", "督导", "考察", "出席", "会见", "通过", "达产", "开通", "表彰", "颁奖",
    "交付", "投用", "建成", "部署", "开展", "视察", "会议", "大会", "仪式",
  ]
  static let sloganStarts = [
    "努力", "打造", "推动", "加快", "奋力", "全力", "聚力", "坚持", "持续", "深化", "助力", "争当", "争做",
    "勇当", "奋进", "谱写", "书写", "凝心", "跑出", "干出", "擦亮", "紧扣", "坚定", "厚植", "抢抓",
  ]
  /// A line ending like this leads into what someone said: it is the kicker.
  static let speechLeadIns = ["强调", "指出", "要求", "表示", "提出", "寄语"]
  /// Column labels printed above a headline.
  static let labels: Set<String> = ["短评", "评论", "时评", "社论", "快评", "编者按", "新闻观察", "一线观察", "特写", "调查", "图片新闻"]
  static let noticeWords = ["通告", "公告", "通知", "启事", "公示"]

  static func score(_ line: String) -> Int {
    var s = 0
    if PlainText.hasAnySuffix(line, newsVerbs) {
      s += 2
    } else if PlainText.containsAny(line, newsVerbs) {
      s += 1
    }
    if PlainText.hasAnySuffix(line, noticeWords) { s += 3 }
    if PlainText.firstPrefix(of: line, among: sloganStarts) != nil { s -= 1 }
    let halves = line.split(separator: " ")
    if halves.count == 2, halves.allSatisfy({ $0.count >= 4 }), abs(halves[0].count - halves[1].count) <= 2 {
      s -= 2
    }
    return s
  }

  static func isKickerOnly(_ line: String) -> Bool {
    labels.contains(line) || PlainText.hasAnySuffix(line, speechLeadIns)
  }

  /// Splits up to three lines into kicker, headline and subheadline.
  static func assign(_ lines: [TextSpan]) -> (kicker: TextSpan?, headline: TextSpan?, sub: TextSpan?) {
    let lines = Array(lines.suffix(3))
    switch lines.count {
    case 0: return (nil, nil, nil)
    case 1: return (nil, lines[0], nil)
    case 2:
      let (a, b) = (lines[0], lines[1])
      if b.text.hasPrefix("——") { return (nil, a, b) }
      if isKickerOnly(a.text) { return (a, b, nil) }
      // Length breaks ties only when the first line is not plainly news (`…召开会议`).
      let (sa, sb) = (score(a.text), score(b.text))
      let lengthBonus = sa >= 2 ? 0 : b.text.count - a.text.count >= 2 ? 2 : a.text.count - b.text.count >= 2 ? -2 : 0
      return sb + lengthBonus > sa ? (a, b, nil) : (nil, a, b)
    default:
      if lines[2].text.hasPrefix("——") || isKickerOnly(lines[0].text) { return (lines[0], lines[1], lines[2]) }
      return (lines[0], lines[1], lines[2])
    }
  }
}
