import Testing

@testable import BaoxunKit

/// When two mentions are one record and when they are two: a headline and its lead, a short
/// project name and a fuller one, a post that a surname's character happens to precede.
@Suite struct MergeTests {
  static let pipeline = Pipeline(book: try! RuleBook.load(from: RepoPaths.rules))

  static func records(_ text: String) -> IssueRecords {
    pipeline.analyze(text: text, issue: "merge.txt").records
  }

  @Test func headlineAndLeadOfOneMeetingAreOneEvent() {
    let events = Self.records("""
      卢志国会见韩国客商

      本报讯（记者 于海洋）6月14日下午，市委书记卢志国会见了韩国海辰水产株式会社会长金贤俊一行。
      """).events
    #expect(events.map(\.name) == ["卢志国会见韩国海辰水产株式会社会长金贤俊一行"])
    #expect(events.first?.dateText == "6月14日下午")
  }

  @Test func eventsListedInOneSentenceAreEachAnEventOfTheirOwnKind() {
    let events = Self.records("""
      本报讯 记者昨日获悉，2026年某市“人才科创周”开幕式、第二届青年创业创新大赛总决赛和“某商回归”恳谈会将于3月18日至20日相继举行。
      """).events
    #expect(events.map(\.name) == ["2026年某市“人才科创周”开幕式", "第二届青年创业创新大赛总决赛", "“某商回归”恳谈会"])
    #expect(events.map(\.kind) == ["ceremony", "award", "meeting"])
    #expect(events.allSatisfy { $0.dateText == "3月18日至20日" })
  }

  /// A leader list closed by 及…等 takes the last name when 等 closes the list of people, never a
  /// place or a firm that 等 makes the first of a class (及沈阳等地, 及华为等企业).
  @Test func aListClosedByJiTakesPeopleOnly() {
    let names = Self.records("""
      本报讯 市领导韦丽清、莫志刚及覃国栋等参加活动。市领导王海涛、刘建军及沈阳等地客商代表出席。县领导张卫东、李明远及华为等企业负责人参加座谈。
      """).officials.map(\.name)
    #expect(names == ["韦丽清", "莫志刚", "覃国栋", "王海涛", "刘建军", "张卫东", "李明远"])
  }

  /// Mongolian names hold 和 (苏和巴特尔, 额日和木图雅); a 和 after a Chinese given name ending
  /// in 恩 still joins two people (张恩和李强).
  @Test func mongolianNamesKeepTheirHe() {
    let names = Self.records("""
      本报讯 旗委常委、副旗长苏和巴特尔主持会议，旗政协副主席额日和木图雅出席。张恩和李强当选为村委会委员。
      """).officials.map(\.name)
    #expect(names.contains("苏和巴特尔"))
    #expect(names.contains("额日和木图雅"))
    #expect(names.contains("张恩") && names.contains("李强"))
    #expect(!names.contains("巴特尔"))
  }

  @Test func aPlenumShortInTheHeadlineIsTheLeadsSession() {
    let events = Self.records("""
      八届区委十次全会举行

      本报讯 12月26日，中国共产党某市某区第八届委员会第十次全体会议在区行政中心召开。
      """).events
    #expect(events.map(\.name) == ["中国共产党某市某区第八届委员会第十次全体会议"])
    #expect(Aggregator.plenum("县委十四届五次全会") == "十四届五次")
    #expect(Aggregator.plenum("全县经济工作会议") == nil)
    // The discipline commission's plenum and a congress's sittings are other meetings.
    #expect(Aggregator.plenum("区纪委九届五次全会") != Aggregator.plenum("区委九届五次全会"))
    #expect(Aggregator.plenum("县第十八届人民代表大会第三次会议第二次全体会议") == nil)
  }

  @Test func anEventWordInsideAQuotationIsNoEvent() {
    let events = Self.records("""
      本报评论员

      现实中，有的地方热衷于“签约仪式上的掌声”，却对签约之后的事情用力不足。
      """).events
    #expect(events.isEmpty)
  }

  @Test func twoMeetingsOfOnePersonInTheTextStayTwo() {
    let events = Self.records("""
      王强会见客商

      本报讯 3月5日上午，市委书记王强会见了深圳华拓智能装备有限公司董事长陈国梁一行。当天下午，王强还会见了中国建筑第三工程局有限公司总经理李军一行。
      """).events
    #expect(events.count == 2)
  }

  @Test func fullerProjectNameAfterAHeadlineNamesTheProject() {
    let names = Self.records("""
      年产5万吨杂粮加工项目建成投产

      本报讯 9月20日，位于复兴镇的内蒙古金穗农业科技有限公司年产5万吨杂粮加工项目正式建成投产。
      """).projects.map(\.name)
    #expect(names == ["内蒙古金穗农业科技有限公司年产5万吨杂粮加工项目"])
  }

  @Test func projectsOfDifferentArticlesStayApart() {
    let names = Self.records("""
      标准化厂房项目开工建设

      本报讯 3月1日，标准化厂房项目开工建设。

      城北新区标准化厂房二期项目竣工投产

      本报讯 9月1日，城北新区标准化厂房二期项目竣工投产。
      """).projects.map(\.name)
    #expect(names.contains("城北新区标准化厂房二期项目"))
    #expect(names.count >= 2, "\(names)")
  }

  @Test func aPostAfterASurnameIsNotAName() {
    let names = Self.records("本报讯 会议研究决定：成立工作专班，由区长任组长，副区长王明任副组长。").officials.map(\.name)
    #expect(!names.contains("任组长"))
  }

  /// A title, then three characters and a verb no word list knows: the name stands only when the
  /// issue names the person again, so a two-character name never takes the verb's first character.
  @Test func aNameWithNothingToEndItStandsOnlyWhenRepeated() {
    let kept = Self.records("""
      本报讯 芳远香业董事长林志远穿着一件工作服，和工人一起搬运香架。

      “订单多了，心里踏实。”林志远笑着说。
      """).officials
    #expect(kept.map(\.name) == ["林志远"])
    #expect(kept.first?.titles == ["芳远香业董事长"])
    let dropped = Self.records("本报讯 市商务局局长王明围着展台逐一察看。").officials.map(\.name)
    #expect(dropped.isEmpty, "\(dropped)")
    // Said twice, but always running on into the same character: 刘军 is the name, 带 the verb.
    let runOn = Self.records("本报讯 村党支部书记刘军带着党员志愿者入户走访。刘军带着村“两委”班子研究产业。").officials
    #expect(!runOn.map(\.name).contains("刘军带"))
  }

  /// 和 before a comma is a name's last character (郑永和), not a list's conjunction; between two
  /// names it is still a conjunction, never part of the first.
  @Test func aNameEndingInHeKeepsIt() {
    let names = Self.records("本报讯 县人大常委会主任郑永和，县政协主席邬明秋出席会议。").officials.map(\.name)
    #expect(names.contains("郑永和"), "\(names)")
    #expect(!names.contains("郑永"), "\(names)")
    let pair = Self.records("本报讯 市领导王立新和赵建华出席活动。").officials.map(\.name)
    #expect(pair.contains("王立新") && !pair.contains { $0.contains("和") }, "\(pair)")
  }
}
