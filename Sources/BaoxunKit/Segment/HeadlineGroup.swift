/// Decides which line of a headline group is the headline, and which the kicker (引题) above
/// or the subheadline (副题) below: the headline reads as the news, kickers and subheads as
/// slogans, labels, lead-ins to reported speech, or series notes (`——一论…`).
enum HeadlineGroup {
  static let newsVerbs = [
    "举行", "召开", "开幕", "闭幕", "启动", "签约", "开工", "竣工", "投产", "揭牌", "落幕", "举办", "成立",
    "发布", "开园", "调研", "检查", "督导", "考察", "出席", "会见", "通过", "达产", "开通", "表彰", "颁奖",
    "交付", "投用", "建成", "部署", "开展", "视察", "督查", "会议", "大会", "仪式", "通车", "并网发电", "座谈会",
    "协商会", "推进会", "现场会", "招聘会", "发布会", "博览会", "交易会", "展销会",
  ]
  static let sloganStarts = [
    "努力", "打造", "推动", "加快", "奋力", "全力", "聚力", "坚持", "持续", "深化", "助力", "争当", "争做",
    "勇当", "奋进", "谱写", "书写", "凝心", "跑出", "干出", "擦亮", "紧扣", "坚定", "厚植", "抢抓", "聚焦",
  ]
  /// A line ending like this leads into what someone said: it is the kicker.
  static let speechLeadIns = ["强调", "指出", "要求", "表示", "提出", "寄语"]
  /// Column labels printed above a headline.
  static let labels: Set<String> = ["短评", "评论", "时评", "社论", "快评", "编者按", "新闻观察", "一线观察", "特写", "调查", "图片新闻"]
  static let noticeWords = ["通告", "公告", "通知", "启事", "公示"]

  static let newsVerbScalars = newsVerbs.map { Array($0.unicodeScalars) }
  static let sloganStartScalars = sloganStarts.map { Array($0.unicodeScalars) }
  static let speechLeadInScalars = speechLeadIns.map { Array($0.unicodeScalars) }
  static let noticeWordScalars = noticeWords.map { Array($0.unicodeScalars) }
  static let dash = Array("——".unicodeScalars)

  static func score(_ line: ArraySlice<Unicode.Scalar>) -> Int {
    // A commentary's byline under its title (■ 许 珂, ◎ 王明) is never the headline.
    if let mark = line.first, mark == "■" || mark == "◎", line.count <= 8 { return -10 }
    var s = 0
    if newsVerbScalars.contains(where: line.hasScalarSuffix) {
      s += 2
    } else if line.containsAnyScalars(newsVerbScalars) {
      s += 1
    }
    if noticeWordScalars.contains(where: line.hasScalarSuffix) { s += 3 }
    if line.firstScalarPrefix(among: sloganStartScalars) != nil { s -= 1 }
    let halves = line.scalarTokens { $0 == " " }
    // A pair of balanced halves (马不停蹄抓复工 只争朝夕稳经济) is a slogan, whatever its length.
    if halves.count == 2, halves.allSatisfy({ $0.count >= 4 }), abs(halves[0].count - halves[1].count) <= 2 {
      s -= 3
    }
    return s
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }

  static func isKickerOnly(_ line: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    labels.contains(line.text)
      || speechLeadInScalars.contains(where: scalars[line.range].hasScalarSuffix)
  }

  /// Splits up to three lines into kicker, headline and subheadline; `scalars` is the text the
  /// spans are ranges of.
  static func assign(_ lines: [TextSpan], in scalars: [Unicode.Scalar])
    -> (kicker: TextSpan?, headline: TextSpan?, sub: TextSpan?)
  {
    let lines = Array(lines.suffix(3))
    switch lines.count {
    case 0: return (nil, nil, nil)
    case 1: return (nil, lines[0], nil)
    case 2:
      let (a, b) = (lines[0], lines[1])
      if scalars[b.range].hasScalarPrefix(dash) { return (nil, a, b) }
      if isKickerOnly(a, scalars) { return (a, b, nil) }
      // A phrase with a quoted word over a line of figures (京企“组团”来武清 / 7个项目签约 协议投资
      // 逾58亿元): the phrase is the headline, the figures its subheadline; not a slogan over a
      // plain news line (抢抓项目建设“黄金期” / 陈埭镇10个镇级重点项目集中开工), nor a campaign's label
      // that opens with its quoted name (“三抓三促”行动进行时).
      if scalars[a.range].contains("“"), scalars[a.range].first != "“", !scalars[a.range].contains(where: isDigit),
        scalars[b.range].contains(where: isDigit), scalars[a.range].firstScalarPrefix(among: sloganStartScalars) == nil,
        score(scalars[b.range]) < 2
      {
        return (nil, a, b)
      }
      // Length breaks ties only when the first line is not plainly news (`…召开会议`).
      let (sa, sb) = (score(scalars[a.range]), score(scalars[b.range]))
      let (la, lb) = (a.range.count, b.range.count)
      let lengthBonus = sa >= 2 ? 0 : lb - la >= 2 ? 2 : la - lb >= 2 ? -2 : 0
      return sb + lengthBonus > sa ? (a, b, nil) : (nil, a, b)
    default:
      return (lines[0], lines[1], lines[2])
    }
  }
}
