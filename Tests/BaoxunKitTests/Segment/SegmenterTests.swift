import Testing

@testable import BaoxunKit

@Suite struct SegmenterTests {
  let articles = Segmenter().segment(Normalizer().normalize(RepoPaths.seedText))

  @Test func seedHasFiveArticlesWithHeadlineGroups() {
    #expect(articles.count == 5)
    #expect(articles.map { $0.headline?.text } == [
      "余杭区经济高质量发展大会举行", "区政府廉政工作会议举行", "余杭启动“三新”升级行动",
      "一马当先立潮头 跃马扬鞭再奋进", "从一场高规格大会看余杭的“进”与“立”",
    ])
    #expect(articles[0].kicker?.text == "忠诚担当谱新篇 实干争先开新局")
    #expect(articles[1].subheadline?.text == "努力打造人民满意政府")
    #expect(articles[2].subheadline?.text == "打造全国消费创新高地")
  }

  /// A town page: briefs headed 某镇：…, each signed after its text, one of them by a name alone
  /// in parentheses. The colon does not make a headline prose that runs into the next paragraph.
  @Test func townPageBriefsAreArticlesWithTheirCredits() {
    let text = """
      乡镇之窗

      临淮关镇：再生稻迎来“二季丰收”

      近日，在临淮关镇沿淮片区，1200亩再生稻迎来第二季收割，收割机在稻田里来回穿梭。

      （通讯员 孙丽 王晨）

      小溪河镇：3个老旧小区改造完工

      日前，小溪河镇3个老旧小区改造工程全部完工并通过验收，惠及居民386户。

      （张楠楠）

      殷涧镇：开展冬季森林防火应急演练

      11月5日，殷涧镇在林区开展冬季森林防火应急演练。

      （待续）
      """
    let briefs = Segmenter().segment(Normalizer().normalize(text))
    #expect(briefs.map { $0.headline?.text } == [
      "临淮关镇：再生稻迎来“二季丰收”", "小溪河镇：3个老旧小区改造完工", "殷涧镇：开展冬季森林防火应急演练",
    ])
    #expect(briefs.map(\.byline) == [["孙丽", "王晨"], ["张楠楠"], []])
    #expect(briefs[1].sentences.contains { !$0.isHeadline && $0.text.hasPrefix("日前，小溪河镇") })
    #expect(!briefs.flatMap(\.sentences).contains { $0.text.contains("完工日前") })
  }

  /// A quotation introduced by 说道： or a roundup line whose place the next paragraph does not
  /// name stays prose; a notice's numbered section heads stay inside the notice; a note in
  /// parentheses (（图文）) is no credit.
  @Test func colonLinesSectionHeadsAndNotesStayInTheirArticle() {
    let text = """
      某某镇价格听证会公告

      本报讯 记者从某某镇获悉，该镇将于下月召开听证会，现将有关事项公告如下。

      二、听证会参加人

      听证会参加人由消费者、经营者和有关方面代表组成。

      三、报名办法

      符合条件的群众可到镇政府报名，张大爷笑着说道：

      日子越过越有奔头，我们都来参加。

      （图文）
      """
    let articles = Segmenter().segment(Normalizer().normalize(text))
    #expect(articles.count == 1)
    #expect(articles.first?.byline == [])
  }

  @Test func bylinesInEveryForm() {
    #expect(articles.map(\.byline) == [["阮伟康", "陈书恒"], ["宋晗语", "陈名"], ["陈坚", "贾丹红"], ["俞杰"], ["金一清"]])
  }

  @Test func commentaryIsMarkedByItsByline() {
    #expect(articles[3].kind == .commentary)
    #expect(articles[0].kind == .news)
  }

  @Test func orphanedLeadIsReattachedToItsArticle() {
    let fifth = articles[4]
    #expect(fifth.hasOrphanedLead)
    #expect(fifth.sentences.contains { $0.text.hasPrefix("昨日上午9时，杭州未来科技城学术交流中心高朋满座") })
  }

  @Test func teaserBlockAndJumpLineAreNotText() {
    let all = articles.flatMap(\.sentences).map(\.text).joined()
    #expect(!all.contains("详见第2版"))
    #expect(!all.contains("下转第3版"))
    #expect(!all.contains("何以说到了他们心坎里"))
    #expect(all.contains("人才力量则是“创造者”。"))
  }

  @Test func sentencesSplitAfterClosingQuotes() {
    let s = SentenceSplitter.split(Normalizer().normalize("他说：“好。”随后离开。"), 0..<12)
    #expect(s.count == 2)
  }

  @Test(arguments: [
    ("本报讯（记者 阮伟康 陈书恒） 昨日上午", ["阮伟康", "陈书恒"]),
    ("（记者 金一清） 昨日上午9时", ["金一清"]),
    ("记者 陈坚 通讯员 贾丹红", ["陈坚", "贾丹红"]),
    ("◎俞杰", ["俞杰"]),
    ("□ 陈书航", ["陈书航"]),
    ("本报讯（通讯员 李 岩 记者 欧阳明华）近日", ["李岩", "欧阳明华"]),
    ("文/珠江时报记者 梁嘉欣 何志斌 通讯员 冼慧玲", ["梁嘉欣", "何志斌", "冼慧玲"]),
    ("文/图 记者 刘洋", ["刘洋"]),
    ("文／图 记者 王丽 通讯员 陈刚", ["王丽", "陈刚"]),
    ("◎记者 张弛", ["张弛"]),
    ("三峡日报全媒体记者 陈思远 通讯员 覃晓峰", ["陈思远", "覃晓峰"]),
  ])
  func bylineForms(_ text: String, _ names: [String]) {
    #expect(Byline.leading(text)?.names == names)
  }

  static let jumpLines: [(String, Int?)] = [
    ("（下转第3版）", 0), ("全年任务超额完成。（下转第3版）", 9), (">>>>详见第2版", 0),
    ("何以说到心坎里 >>详见第2版", 7), ("详见第2版的报道以及更多的相关内容", nil), ("转第二批项目集中开工", nil),
    ("接第3版", 0),
  ]

  @Test(arguments: jumpLines)
  func jumpMarkers(_ line: String, _ at: Int?) {
    #expect(LineShape.jumpMarker(in: line) == at)
  }

  @Test func trailingBylines() {
    #expect(Byline.trailing("工作到位。（通讯员 丁晓燕 记者 施振东）")?.names == ["丁晓燕", "施振东"])
    #expect(Byline.trailing("工作到位。（施振东）").map { [$0.start] + [$0.names.count] } == [5, 1])
    #expect(Byline.trailing("工作（到位）") == nil)
  }

  @Test func threeLineHeadlineGroup() {
    let text = "奋力打造共同富裕示范区\n\n全县重大项目集中开工\n\n总投资156.8亿元\n\n本报讯（记者 王明）昨日，全县重大项目集中开工。"
    let a = Segmenter().segment(Normalizer().normalize(text))
    #expect(a.count == 1)
    #expect(a[0].kicker?.text == "奋力打造共同富裕示范区")
    #expect(a[0].headline?.text == "全县重大项目集中开工")
    #expect(a[0].subheadline?.text == "总投资156.8亿元")
  }
}

@Suite struct PageLayoutTests {
  func segment(_ text: String) -> [Article] { Segmenter().segment(Normalizer().normalize(text)) }

  @Test func mastheadAndSectionHeadsAreNotArticles() {
    let a = segment("""
      梨树新闻
      2019年1月17日 星期四 第01版 要闻
      中共梨树县委主办

      县十八届人大三次会议胜利闭幕

      本报讯（记者 赵海鹰）1月16日上午，大会胜利闭幕。

      ■2018年工作回顾

      全县地区生产总值增长6%。
      """)
    #expect(a.map { $0.headline?.text } == ["县十八届人大三次会议胜利闭幕"])
    #expect(a[0].sentences.contains { $0.text == "■2018年工作回顾" })
  }

  /// A masthead gives the page number where others give the weekday, with the paper's name on
  /// its own line or before the date: neither becomes a headline or a kicker.
  @Test func mastheadWithAPageNumberInsteadOfAWeekday() {
    for head in [
      "岚山报\n2025年4月24日 第3版 经济", "浔东新闻\n中共桂中市浔东区委机关报 2025年6月10日 第2版 要闻",
      // A lunar date and the page editor after the weekday make a long masthead line.
      "阿荣新闻\nARONG XINWEN\n2023年9月26日　星期二　癸卯年八月十二　　第1版　　本版编辑：敖丽娜",
    ] {
      let a = segment(head + "\n\n我县赴成都举办投资环境推介会\n\n本报讯（记者 冉静）4月22日，推介会在成都举行。\n")
      #expect(a.map { $0.headline?.text } == ["我县赴成都举办投资环境推介会"])
      #expect(a.first?.kicker == nil, "\(head)")
    }
  }

  /// An interview's questions are short unpunctuated lines, like headlines; they stay in the
  /// interview. A bridge opening is the news above a line of what it brings.
  @Test func interviewQuestionsAreNotHeadlines() {
    let a = segment("""
      花山溪大桥建成通车
      山格镇到县城车程缩短一半多

      本报讯（记者 卢晓东）11月18日上午，花山溪大桥通车仪式举行。

      记者：今年坂仔镇在乡村振兴方面有哪些新的探索？

      黄振宇：我们一直在想，光靠卖鲜果，“天花板”太低。
      """)
    #expect(a.map { $0.headline?.text } == ["花山溪大桥建成通车"])
    #expect(a[0].subheadline?.text == "山格镇到县城车程缩短一半多")
    #expect(a[0].sentences.contains { $0.text.hasPrefix("记者：今年坂仔镇") })
  }

  /// A notice's signature (an office and a date) ends the notice: the next notice's title is a
  /// headline, the date is not.
  @Test func noticeSignatureIsNotAHeadline() {
    let a = segment("""
      任前公示

      刘思远，男，汉族，1982年8月生，现任市发展和改革委员会副主任。

      中共内江市委组织部
      2026年3月20日

      通 告

      因施工需要，自2026年3月23日起对站前大道实施半幅封闭施工。
      """)
    #expect(a.map { $0.headline?.text } == ["任前公示", "通 告"])
  }

  /// Which line of two is the headline: a phrase with a quoted word over a line of figures is the
  /// headline; a pair of balanced slogan halves over a news line is not.
  @Test(arguments: [
    ("京企“组团”来武清\n7个京津冀产业协同项目签约 协议投资逾58亿元", "京企“组团”来武清"),
    ("马不停蹄抓复工 只争朝夕稳经济\n陈国栋暗访督查企业复工复产", "陈国栋暗访督查企业复工复产"),
    ("抢抓项目建设“黄金期”\n陈埭镇10个镇级重点项目集中开工", "陈埭镇10个镇级重点项目集中开工"),
    ("项目为王 一刻不停\n■ 许 珂", "项目为王 一刻不停"),
  ])
  func headlineOfTwoLines(_ head: String, _ headline: String) {
    let a = segment(head + "\n\n本报讯（记者 刘明轩）5月9日，全县召开会议。\n")
    #expect(a.first?.headline?.text == headline)
  }

  @Test func longSubheadlineStaysInItsHeadlineGroup() {
    let a = segment("""
      本报讯（记者 何嘉树）钟立新表示，我市将认真贯彻落实省委省政府决策部署和此次检查指导的要

      市委常委会召开扩大会议
      传达贯彻全省防汛减灾工作电视电话会议精神 研究部署我市防汛救灾工作

      本报讯（记者 宋雨桐）7月12日晚，市委书记钟立新主持召开市委常委会扩大会议。
      """)
    #expect(a.last?.headline?.text == "市委常委会召开扩大会议")
    #expect(a.last?.subheadline?.text.hasPrefix("传达贯彻") == true)
  }

  /// A line opening with a paper's reporter is a byline only when a name follows the role:
  /// headlines and sentences that open so stay what they are.
  @Test func outletReporterLines() {
    #expect(Byline.leading("三峡日报全媒体记者 陈思远 通讯员 覃晓峰")?.names == ["陈思远", "覃晓峰"])
    for line in ["新华社记者 手记：在大山深处看见希望", "跟着日报记者 探访非遗工坊", "湖北日报记者 从省农业农村厅获悉，全省春播进度已过六成。"] {
      #expect(!LineShape.startsWithByline(Array(line.unicodeScalars)), "\(line)")
    }
  }

  @Test func squareMarkedCommentaryByline() {
    let a = segment("把“施工图”变成“实景图”\n\n□ 陈书航\n\n一分部署，九分落实。")
    #expect(a.first?.byline == ["陈书航"])
    #expect(a.first?.kind == .commentary)
  }

  /// A list's title heads the list's items inside an article, but a headline that happens to end
  /// in 名单 over its own byline still heads an article; numbered items after 如下： stay body.
  @Test func listTitlesAndItems() {
    let text = """
      县委常委会召开会议

      本报讯（记者 李娜）会议研究了人事事项，名单如下：

      1.优秀志愿服务项目

      2.示范性家庭农场

      我县公布第二批县级非物质文化遗产代表性项目名单

      本报讯（记者 王五）近日，县政府公布了第二批县级非遗代表性项目名单。
      """
    let articles = Segmenter().segment(Normalizer().normalize(text))
    #expect(articles.map { $0.headline?.text } == ["县委常委会召开会议", "我县公布第二批县级非物质文化遗产代表性项目名单"])
    #expect(articles.first?.sentences.map(\.text).contains("2.示范性家庭农场") == true)
  }
}
